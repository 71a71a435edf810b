package dev.switchyard.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something asked for by id does not exist (a 404 page, or a 404 problem on the API).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param kind what was looked for, such as {@code Project}
     * @param id the id asked for
     * @return the exception
     */
    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(kind + " " + id + " does not exist");
    }

}
