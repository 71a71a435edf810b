package dev.switchyard.system;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the error page says about a parameter that is not what a page expects.
 */
class PageExceptionHandlerTests {

    enum Colour {

        RED, GREEN

    }

    @Test
    void namesTheAllowedValuesOfAnEnumAndTheKindOfOtherTypes() {
        assertThat(PageExceptionHandler.typeMismatch("BOGUS", Colour.class))
            .isEqualTo("'BOGUS' is not one of RED, GREEN");
        assertThat(PageExceptionHandler.typeMismatch("abc", int.class)).isEqualTo("'abc' is not a whole number");
        assertThat(PageExceptionHandler.typeMismatch("abc", Long.class)).isEqualTo("'abc' is not a whole number");
        assertThat(PageExceptionHandler.typeMismatch("maybe", boolean.class)).isEqualTo("'maybe' is not true or false");
        assertThat(PageExceptionHandler.typeMismatch("x", java.time.LocalDate.class))
            .isEqualTo("'x' is not a valid LocalDate");
    }

    @Test
    void anInvalidInputIsA400PageNamingTheParameterAndAConflictA409() throws Exception {
        PageExceptionHandler handler = new PageExceptionHandler();
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = handler.invalid(new InvalidInputException("kind", "Unknown finding kind 'BOGUS'"),
                response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(page.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getViewName()).isEqualTo("error/invalid");
        assertThat(page.getModel()).containsEntry("parameter", "kind")
            .containsEntry("message", "Unknown finding kind 'BOGUS'")
            .containsEntry("conflict", false);
        Method method = PageExceptionHandlerTests.class.getDeclaredMethod("page", Colour.class);
        page = handler.typeMismatch(new MethodArgumentTypeMismatchException("BOGUS", Colour.class, "colour",
                new MethodParameter(method, 0), new IllegalArgumentException()), response);
        assertThat(page.getModel()).containsEntry("parameter", "colour")
            .containsEntry("message", "'BOGUS' is not one of RED, GREEN");
        MockHttpServletResponse conflict = new MockHttpServletResponse();
        assertThat(handler.conflict(new ConflictException("name", "Taken"), conflict).getModel())
            .containsEntry("conflict", true);
        assertThat(conflict.getStatus()).isEqualTo(409);
    }

    void page(Colour colour) {
    }

}
