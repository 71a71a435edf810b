package dev.switchyard.system;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's refusal beside the form field it concerns, or at the top of the form
 * when it concerns no field of that form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param result the form's binding result
     * @param ex the refusal
     */
    public static void reject(BindingResult result, InvalidInputException ex) {
        Object target = result.getTarget();
        if (ex.getField() != null && target != null && new BeanWrapperImpl(target).isReadableProperty(ex.getField())) {
            result.rejectValue(ex.getField(), "invalid", ex.getMessage());
        }
        else {
            result.reject("invalid", ex.getMessage());
        }
    }

}
