package org.vodkit;

/**
 * A vodkit failure: what went wrong in words, a code a program can act on,
 * and, for an upload that failed after the provider created it, the resume
 * handle that continues it ({@link VodkitClient#resumeUpload}).
 */
public class VodkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #getCodeNumber()} values, the C ABI's {@code VODKIT_ERROR_*}. */
    public static final int INVALID_INPUT = 1, AUTH = 2, RATE_LIMITED = 3, NETWORK = 4, SERVER = 5,
            PROVIDER = 6, INTEGRITY = 7, CANCELLED = 8, IO = 9, VERIFICATION = 10, INTERNAL = 11;

    private final int codeNumber;
    private final String code;
    private final String providerCode;
    private final String requestId;
    private final int httpStatus;
    private final String detail;
    private final String resumeJson;

    /** Built by libvodkit_jni. */
    VodkitException(int codeNumber, String code, String message, String providerCode, String requestId,
            int httpStatus, String detail, String resumeJson) {
        super(message);
        this.codeNumber = codeNumber;
        this.code = code;
        this.providerCode = providerCode;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
        this.detail = detail;
        this.resumeJson = resumeJson;
    }

    /** The same failure, caused by {@code cause} (a progress listener's exception). */
    VodkitException(VodkitException e, String message, Throwable cause) {
        this(e.codeNumber, e.code, message, e.providerCode, e.requestId, e.httpStatus, e.detail, e.resumeJson);
        initCause(cause);
    }

    /** A failure raised by the Java layer itself. */
    static VodkitException of(int codeNumber, String code, String message) {
        return new VodkitException(codeNumber, code, message, null, null, 0, null, null);
    }

    /** The kind of failure: {@code invalid_input}, {@code auth}, {@code rate_limited}, {@code network},
     *  {@code server}, {@code provider}, {@code integrity}, {@code cancelled}, {@code io},
     *  {@code verification} or {@code internal}. */
    public String getCode() { return code; }

    /** The same as a number (the constants above). */
    public int getCodeNumber() { return codeNumber; }

    /** The provider's own error code, or null. */
    public String getProviderCode() { return providerCode; }

    /** The provider's request id, or null. */
    public String getRequestId() { return requestId; }

    /** The HTTP status of the answer, or 0. */
    public int getHttpStatus() { return httpStatus; }

    /** More detail (an answer's excerpt), or null. */
    public String getDetail() { return detail; }

    /** The resume handle (JSON) of the upload this failure ended, or null. */
    public String getResumeJson() { return resumeJson; }
}
