// The C++ wrapper's vodkit::Source — a descriptor (closed before the
// upload), a buffer (freed before the upload), a read-at function from
// worker threads and one on this thread only (and one that throws: its
// exception comes out of the call, after which the upload resumes from a
// descriptor) — and pause, resume and the cap through the UploadControl
// from a second thread.
#include "vodkit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "common.hpp"

struct DiskGone {};

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string path = argv[1];
    const uint64_t size = 3 * 1024 * 1024 + 5;
    std::vector<uint8_t> data(size);
    for (uint64_t i = 0; i < size; i++) data[i] = static_cast<uint8_t>((i * 7919) >> 3);
    {
        std::ofstream f(path, std::ios::binary);
        f.write(reinterpret_cast<const char *>(data.data()), static_cast<std::streamsize>(size));
    }
    const vodkit::Client client("baijiayun", emulator_config(0, 1024 * 1024));
    const std::string ranged = R"({"ranged":true})";

    int fd = open(path.c_str(), O_RDONLY);
    CHECK(fd >= 0);
    int own = open(path.c_str(), O_RDONLY);
    CHECK(own >= 0);
    const vodkit::Source from_fd = vodkit::Source::fd(own, "fd.mp4");
    close(own);  // duplicated: the source keeps its own
    std::string up = client.upload(from_fd);
    CHECK(int_member(up, "bytes") == static_cast<int64_t>(size));
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;

    auto copy = std::make_unique<std::vector<uint8_t>>(data);
    const vodkit::Source from_buffer = vodkit::Source::buffer(copy->data(), copy->size(), "buffer.mp4");
    copy.reset();  // copied: the source keeps its own
    up = client.upload(from_buffer);
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;

    // argv[2]: an http origin serving the same file with Range requests.
    if (argc >= 3) {
        up = client.upload(vodkit::Source::url(argv[2], "url.mp4"), ranged);
        std::cout << "video_id=" << int_member(up, "video_id") << std::endl;
        bool refused = false;
        try {
            vodkit::Source::url("ftp://example.com/a.mp4");
        } catch (const vodkit::Error &e) {
            refused = e.code() == VODKIT_ERROR_INVALID_INPUT;
        }
        CHECK(refused);
    }

    std::atomic<int> reads{0};
    auto reader = [&](uint64_t offset, uint8_t *buf, size_t len) -> int64_t {
        reads++;
        return pread(fd, buf, len, static_cast<off_t>(offset));
    };
    up = client.upload(vodkit::Source::reader(reader, size, "reader.mp4"), ranged);
    CHECK(reads > 0);
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;

    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> elsewhere{0};
    reads = 0;
    auto on_this_thread = [&](uint64_t offset, uint8_t *buf, size_t len) -> int64_t {
        reads++;
        if (std::this_thread::get_id() != caller) elsewhere++;
        return pread(fd, buf, len, static_cast<off_t>(offset));
    };
    up = client.upload(vodkit::Source::reader(on_this_thread, size, "on-caller.mp4", true), ranged);
    CHECK(reads > 0);
    CHECK(elsewhere == 0);
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;

    // A reader that throws: the exception comes out; the error's resume
    // handle is lost with it, so this one fails before the video is usable
    // and a fresh descriptor upload is the recovery.
    auto failing = [&](uint64_t offset, uint8_t *buf, size_t len) -> int64_t {
        if (offset >= 1536 * 1024) throw DiskGone{};
        return pread(fd, buf, len, static_cast<off_t>(offset));
    };
    bool thrown = false;
    try {
        client.upload(vodkit::Source::reader(failing, size, "fails.mp4"), ranged);
    } catch (const DiskGone &) {
        thrown = true;
    }
    CHECK(thrown);

    // A negative answer (no exception) is an Error with a resume handle.
    auto negative = [&](uint64_t offset, uint8_t *buf, size_t len) -> int64_t {
        if (offset >= 1536 * 1024) return -7;
        return pread(fd, buf, len, static_cast<off_t>(offset));
    };
    std::string resume;
    try {
        client.upload(vodkit::Source::reader(negative, size, "fails.mp4"), ranged);
        CHECK(false);
    } catch (const vodkit::Error &e) {
        CHECK(e.code() == VODKIT_ERROR_IO);
        CHECK(e.resume().has_value());
        resume = *e.resume();
    }
    up = client.resume_upload(resume, vodkit::Source::fd(fd, "fails.mp4"));
    CHECK(int_member(up, "video_id") == int_member(resume, "video_id"));
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;

    // Pause and cap from another thread.
    vodkit::UploadControl token;
    token.set_rate_limit(2 * 1024 * 1024);
    CHECK(token.rate_limit() == 2 * 1024 * 1024);
    std::atomic<uint64_t> sent{0};
    std::atomic<int> calls{0};
    uint64_t at_pause = 0, after_pause = 0;
    int calls_paused = 0;
    std::thread steer([&] {
        while (sent < 1024 * 1024) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        token.pause();
        CHECK(token.is_paused());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        at_pause = sent;
        const int before = calls;
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        after_pause = sent;
        calls_paused = calls - before;
        token.set_rate_limit(0);
        token.resume();
    });
    up = client.upload(
        vodkit::Source::buffer(data.data(), data.size(), "paused.mp4"), "",
        [&](const vodkit_progress &p) {
            sent = p.bytes_sent;
            calls++;
            return true;
        },
        &token);
    steer.join();
    CHECK(at_pause == after_pause);
    CHECK(calls_paused >= 5);
    std::cout << "video_id=" << int_member(up, "video_id") << std::endl;
    close(fd);
    std::cout << "sources ok" << std::endl;
    return 0;
}
