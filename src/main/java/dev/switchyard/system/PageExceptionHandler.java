package dev.switchyard.system;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.switchyard.admin.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns invalid input that reaches no form into an error page that says what was wrong,
 * never a server error: an unknown value of a parameter (an environment, a finding kind),
 * a parameter of the wrong type or a missing one is a 400 page naming the parameter; a
 * conflict with the current state is a 409 page. The API's own handler
 * ({@link ApiExceptionHandler}, consulted first) answers these with problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException ex, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, ex.getField(), ex.getMessage(), response);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ModelAndView staleVersion(HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, null,
                "Someone else changed this in the meantime: open it again and repeat your change", response);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException ex, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, ex.getField(), ex.getMessage(), response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, ex.getName(), typeMismatch(ex.getValue(), ex.getRequiredType()), response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException ex, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, ex.getParameterName(), "This parameter is required", response);
    }

    /**
     * @param value the value given
     * @param type the type it should have had
     * @return why it is not one, listing the allowed values of an enum
     */
    static String typeMismatch(Object value, Class<?> type) {
        String given = "'" + value + "'";
        if (type != null && type.isEnum()) {
            return given + " is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return given + " is not a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return given + " is not true or false";
        }
        return given + " is not a valid " + ((type != null) ? type.getSimpleName() : "value");
    }

    private static ModelAndView page(HttpStatus status, String parameter, String message,
            HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error/invalid");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("conflict", status == HttpStatus.CONFLICT);
        page.addObject("parameter", parameter);
        page.addObject("message", message);
        page.addObject("me", CurrentUser.get().orElse(null));
        return page;
    }

}
