import CVodkit

/// A vodkit failure: a code a program can act on, the message, and for an
/// upload that failed after the provider created it, the resume handle.
public struct VodkitError: Error, CustomStringConvertible, Sendable {
    /// The kinds of failure (the C ABI's `VODKIT_ERROR_*`).
    public enum Code: UInt32, Sendable {
        case invalidInput = 1, auth, rateLimited, network, server, provider, integrity, cancelled, io,
             verification, `internal`
        case nullArgument = 100, invalidUTF8, panic, invalidEnum
        case unknown = 0
    }

    public let code: Code
    public let message: String
    /// The provider's own error code, if it gave one.
    public let providerCode: String?
    public let requestId: String?
    /// The HTTP status of the answer (0: none).
    public let httpStatus: Int32
    public let detail: String?
    /// The resume handle (JSON) of the upload this failure ended: pass it to
    /// `VodkitClient.resumeUpload`.
    public let resumeJSON: String?

    public var description: String { "vodkit: \(code): \(message)" }

    /// Takes and frees a `vodkit_error*`.
    init(taking error: OpaquePointer) {
        defer { vodkit_error_free(error) }
        code = Code(rawValue: vodkit_error_code(error)) ?? .unknown
        message = String(cString: vodkit_error_message(error))
        providerCode = vodkit_error_provider_code(error).map { String(cString: $0) }
        requestId = vodkit_error_request_id(error).map { String(cString: $0) }
        httpStatus = vodkit_error_http_status(error)
        detail = vodkit_error_detail(error).map { String(cString: $0) }
        if let resume = vodkit_error_resume(error) {
            resumeJSON = String(cString: resume)
            vodkit_string_free(resume)
        } else {
            resumeJSON = nil
        }
    }
}

/// Throws the error a C call returned (NULL: success).
@inline(__always)
func check(_ error: OpaquePointer?) throws {
    if let error = error {
        throw VodkitError(taking: error)
    }
}

/// A `char*` the library handed out, as a `String`, freed.
func takeString(_ s: UnsafeMutablePointer<CChar>?) -> String? {
    guard let s = s else { return nil }
    defer { vodkit_string_free(s) }
    return String(cString: s)
}
