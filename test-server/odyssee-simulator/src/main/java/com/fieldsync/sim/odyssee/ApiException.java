package com.fieldsync.sim.odyssee;

/** An HTTP error answer: the handler turns it into {@code status} with body {@code {"message": …}}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** How the Java API reports what the HTTP API would have refused: the status and the message. */
    IllegalArgumentException asIllegalArgument() {
        return new IllegalArgumentException(status + " " + getMessage(), this);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }
}
