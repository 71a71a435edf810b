package dev.switchyard.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Writes RFC 9457 problem details for the API's security refusals: 401 for a missing or
 * bad credential (never a redirect to the login page) and 403 for a refused action.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String detail;
        if (exception instanceof LockedException) {
            detail = "This account is locked for a minute after too many failed logins";
        }
        else if (exception instanceof DisabledException) {
            detail = "This account is disabled";
        }
        else if (request.getHeader("Authorization") != null) {
            detail = "The credentials are not valid";
        }
        else {
            detail = "Authentication required: use HTTP Basic or a personal access token (Authorization: Bearer …)";
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Switchyard\", Basic realm=\"Switchyard\"");
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN,
                (exception.getMessage() != null && !exception.getMessage().startsWith("Access Denied"))
                        ? exception.getMessage() : "You are not allowed to do this");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        this.json.writeValue(response.getOutputStream(), problem);
    }

}
