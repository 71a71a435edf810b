package dev.switchyard.system;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that reach the servlet container: a problem+json body for the API, a
 * page for people (never a stack trace). Invalid input that a controller refused has its
 * own page with the reason ({@link PageExceptionHandler}).
 */
@Controller
class SwitchyardErrorController implements ErrorController {

    @RequestMapping(path = "/error",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<ProblemDetail> errorJson(HttpServletRequest request) {
        return problem(request);
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            return problem(request);
        }
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return switch (status) {
            case BAD_REQUEST -> {
                model.addAttribute("message", "The request is not valid: check the address and its parameters");
                yield "error/invalid";
            }
            case FORBIDDEN -> "error/403";
            case NOT_FOUND -> "error/404";
            default -> "error/error";
        };
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method";
            case FORBIDDEN -> "You are not allowed to do this";
            default -> (status.is5xxServerError()) ? "Something went wrong on the server; it has been logged"
                    : status.getReasonPhrase();
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
