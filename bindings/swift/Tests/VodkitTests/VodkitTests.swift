import Foundation
import XCTest
@testable import Vodkit

/// The Swift layer against the real library and the emulator (started from
/// `VODKIT_EMULATOR`, a `vodkit-emulator` binary the workflow builds), over
/// loopback: no mocks.
final class VodkitTests: XCTestCase {
    static var emulator: Process?
    static var info: [String: Any] = [:]

    override class func setUp() {
        super.setUp()
        guard let path = ProcessInfo.processInfo.environment["VODKIT_EMULATOR"] else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("vodkit-swift-\(getpid())")
        process.arguments = ["--port", "0", "--transcode-secs", "1", "--data-dir", data.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try! process.run()
        var line = Data()
        while true {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        info = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] ?? [:]
        emulator = process
    }

    override class func tearDown() {
        emulator?.terminate()
        super.tearDown()
    }

    func client() throws -> VodkitClient {
        let root = try XCTUnwrap(Self.info["root_url"] as? String, "set VODKIT_EMULATOR")
        let bjy = try XCTUnwrap(Self.info["baijiayun"] as? [String: Any])
        let config: [String: Any] = [
            "partner_id": bjy["partner_id"]!, "partner_key": bjy["partner_key"]!,
            "base_url": "\(root)/baijiayun",
        ]
        let json = String(data: try JSONSerialization.data(withJSONObject: config), encoding: .utf8)!
        return try VodkitClient(provider: "baijiayun", configJSON: json)
    }

    func file(_ size: Int) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".mp4")
        try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: url)
        return url.path
    }

    func testCallAndBadInput() throws {
        let client = try client()
        XCTAssertTrue(try client.operations().contains("video/getStatus"))
        XCTAssertThrowsError(try client.call("video/getStatus", "{\"video_id\": \"x\"}")) { error in
            XCTAssertEqual((error as? VodkitError)?.code, .invalidInput)
        }
        XCTAssertThrowsError(try VodkitClient(provider: "nosuch", configJSON: "{}"))
    }

    func testUploadWithProgress() async throws {
        let client = try client()
        let path = try file(3 * 1024 * 1024)
        let seen = Counter()
        let result = try await client.upload(path: path, optionsJSON: "{\"part_size\": 262144}") { p in
            seen.add(p.bytesDone)
        }
        XCTAssertTrue(result.contains("\"video_id\""))
        XCTAssertEqual(seen.last, 3 * 1024 * 1024)
        let status = try client.call("video/getStatus", "{\"video_id\": \(videoId(result))}")
        XCTAssertTrue(status.contains("status"))
    }

    func testCancellingTheTaskStopsTheUploadAndResumeCompletes() async throws {
        let client = try client()
        let path = try file(8 * 1024 * 1024)
        let task = Task { try await client.upload(path: path, optionsJSON: "{\"part_size\": 262144, \"ranged\": true}") }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        var resume: String?
        do {
            _ = try await task.value
        } catch let error as VodkitError {
            XCTAssertEqual(error.code, .cancelled)
            resume = error.resumeJSON
        }
        if let resume = resume {
            let result = try await client.resumeUpload(resume, path: path, optionsJSON: "{\"part_size\": 262144}")
            XCTAssertTrue(result.contains("\"resumed_from\""))
        }
    }

    private func videoId(_ json: String) -> Int {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["video_id"] as? Int ?? 0
    }
}

/// Progress values seen on the upload's thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UInt64] = []
    func add(_ v: UInt64) { lock.lock(); values.append(v); lock.unlock() }
    var last: UInt64? { lock.lock(); defer { lock.unlock() }; return values.last }
}
