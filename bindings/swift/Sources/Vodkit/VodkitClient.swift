import CVodkit
import Foundation

/// A snapshot of an upload.
public struct UploadProgress: Sendable {
    /// Bytes the server holds or is receiving; never decreases within a call.
    public let bytesDone: UInt64
    public let bytesTotal: UInt64
    /// Bytes put on the wire by this call, re-sent bytes included.
    public let bytesSent: UInt64
    public let elapsedMilliseconds: UInt64
    /// The resume handle, from the first report on: store it to continue
    /// after the app was killed.
    public let resumeJSON: String?
}

/// A client of one video-on-demand provider (`"baijiayun"`, `"iqiyi"`,
/// `"quvideo"`) built from its name and its config as JSON. Thread-safe: one
/// client shares one pool of connections. Answers are JSON text; failures
/// throw `VodkitError`.
public final class VodkitClient: @unchecked Sendable {
    private let raw: OpaquePointer

    public init(provider: String, configJSON: String) throws {
        var client: OpaquePointer?
        try check(vodkit_client_new(provider, configJSON, &client))
        raw = client!
    }

    deinit {
        vodkit_client_free(raw)
    }

    /// Calls an operation by name (`"video/getStatus"`) with its parameters
    /// as a JSON object; returns the answer's data as JSON. Blocks: call it
    /// off the main thread.
    public func call(_ operation: String, _ paramsJSON: String = "{}") throws -> String {
        var out: UnsafeMutablePointer<CChar>?
        try check(vodkit_client_call(raw, operation, paramsJSON, &out))
        return takeString(out) ?? "null"
    }

    /// Every operation of the provider's catalog, as a JSON array.
    public func operations() throws -> String {
        var out: UnsafeMutablePointer<CChar>?
        try check(vodkit_client_operations(raw, &out))
        return takeString(out) ?? "[]"
    }

    /// The credentials the client holds now (renewed tokens) as JSON, or nil
    /// for a provider whose credentials never change. Holds secrets.
    public func credentials() throws -> String? {
        var out: UnsafeMutablePointer<CChar>?
        try check(vodkit_client_credentials(raw, &out))
        return takeString(out)
    }

    /// Uploads the file at `path` as a new video and returns the provider's
    /// result as JSON. Runs on a thread of its own; `progress` is called on
    /// that thread (about every 100 ms). Cancelling the task stops the
    /// upload within about 100 ms: it throws a `VodkitError` with code
    /// `.cancelled` whose `resumeJSON` continues it. With `checkpoint_dir` in
    /// the options, a later plain upload of the same file continues it too.
    public func upload(path: String, optionsJSON: String? = nil,
                       progress: (@Sendable (UploadProgress) -> Void)? = nil) async throws -> String {
        try await transfer(resumeJSON: nil, path: path, optionsJSON: optionsJSON, progress: progress)
    }

    /// Continues an interrupted upload from the bytes the server holds.
    public func resumeUpload(_ resumeJSON: String, path: String, optionsJSON: String? = nil,
                             progress: (@Sendable (UploadProgress) -> Void)? = nil) async throws -> String {
        try await transfer(resumeJSON: resumeJSON, path: path, optionsJSON: optionsJSON, progress: progress)
    }

    private func transfer(resumeJSON: String?, path: String, optionsJSON: String?,
                          progress: (@Sendable (UploadProgress) -> Void)?) async throws -> String {
        var token: OpaquePointer?
        try check(vodkit_upload_control_new(&token))
        let control = token!
        defer { vodkit_upload_control_free(control) }
        let listener = ProgressBox(progress)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, Error>) in
                // The C call blocks: a thread of its own, not the cooperative pool.
                Thread.detachNewThread {
                    continuation.resume(with: Result {
                        try self.blockingTransfer(resumeJSON: resumeJSON, path: path, optionsJSON: optionsJSON,
                                                  listener: listener, control: control)
                    })
                }
            }
        } onCancel: {
            _ = vodkit_upload_control_cancel(control)
        }
    }

    private func blockingTransfer(resumeJSON: String?, path: String, optionsJSON: String?,
                                  listener: ProgressBox, control: OpaquePointer) throws -> String {
        var out: UnsafeMutablePointer<CChar>?
        let box = Unmanaged.passRetained(listener)
        defer { box.release() }
        let userData = box.toOpaque()
        let callback: vodkit_progress_fn = listener.progress == nil ? nil : progressTrampoline
        if let resumeJSON = resumeJSON {
            try check(vodkit_client_resume_upload(raw, resumeJSON, path, optionsJSON, callback, userData, control, &out))
        } else {
            try check(vodkit_client_upload(raw, path, optionsJSON, callback, userData, control, &out))
        }
        return takeString(out) ?? "null"
    }
}

/// The Swift closure behind the C callback's `user_data`.
private final class ProgressBox {
    let progress: (@Sendable (UploadProgress) -> Void)?
    init(_ progress: (@Sendable (UploadProgress) -> Void)?) { self.progress = progress }
}

/// The C progress callback: calls the closure in the box.
private let progressTrampoline: vodkit_progress_fn = { userData, snapshot in
    guard let userData = userData, let p = snapshot?.pointee else { return Int32(VODKIT_CONTINUE) }
    let box = Unmanaged<ProgressBox>.fromOpaque(userData).takeUnretainedValue()
    box.progress?(UploadProgress(bytesDone: p.bytes_done, bytesTotal: p.bytes_total, bytesSent: p.bytes_sent,
                                 elapsedMilliseconds: p.elapsed_ms,
                                 resumeJSON: p.resume_json.map { String(cString: $0) }))
    return Int32(VODKIT_CONTINUE)
}

/// Library-wide facts.
public enum Vodkit {
    /// The library's version ("MAJOR.MINOR.PATCH").
    public static var version: String { String(cString: vodkit_version()) }
}
