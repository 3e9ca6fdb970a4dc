// The C++ wrapper's Client::upload_many: files in parallel with progress on
// this thread, the same call again skipping the finished files (checkpoint
// manifest), sources of every kind a batch takes, stopping from the progress
// function (false, and an exception), and bad arguments refused. Prints
// `video_id=N file=PATH` for each uploaded file: the harness checks the
// emulator stored that file's bytes.
#include "vodkit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "common.hpp"

struct Stop {};

/// Every `"video_id":N` of a JSON text, in order.
static std::vector<int64_t> video_ids(const std::string &json) {
    std::vector<int64_t> ids;
    const std::string pattern = "\"video_id\":";
    for (auto at = json.find(pattern); at != std::string::npos; at = json.find(pattern, at + 1)) {
        ids.push_back(std::stoll(json.substr(at + pattern.size())));
    }
    return ids;
}

/// How often `needle` occurs in `text`.
static std::size_t count(const std::string &text, const std::string &needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) n++;
    return n;
}

static void write_file(const std::string &path, uint64_t size, uint64_t salt) {
    std::ofstream f(path, std::ios::binary);
    for (uint64_t i = 0; i < size; i++) f.put(static_cast<char>(((i + salt) * 7919) >> 3));
}

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string base = argv[1];
    const std::vector<uint64_t> sizes = {700 * 1024 + 3, 300 * 1024, 1024 * 1024 + 11};
    std::vector<std::string> paths;
    uint64_t total = 0;
    for (std::size_t i = 0; i < sizes.size(); i++) {
        paths.push_back(base + "." + std::to_string(i) + ".mp4");
        write_file(paths.back(), sizes[i], i);
        total += sizes[i];
    }
    {
        const vodkit::Client client("baijiayun", emulator_config(0, 256 * 1024));
        const std::string checkpoints = "{\"checkpoint_dir\":" + vodkit::json::quote(base + ".checkpoints." + std::to_string(getpid())) + "}";

        // Paths, two at a time, progress on this thread.
        const auto me = std::this_thread::get_id();
        uint64_t last = 0;
        std::vector<uint64_t> file_last(sizes.size(), 0);
        const std::string items = client.upload_many(paths, checkpoints, 2, [&](const vodkit_batch_progress &p) {
            CHECK(std::this_thread::get_id() == me);
            CHECK(p.files_total == sizes.size() && p.bytes_total == total);
            CHECK(p.index < sizes.size() && p.file_bytes_total == sizes[p.index]);
            CHECK(p.bytes_done >= last && p.bytes_done >= p.file_bytes_done);
            last = p.bytes_done;
            file_last[p.index] = p.file_bytes_done;
            return true;
        });
        CHECK(last == total);
        CHECK(file_last == sizes);
        CHECK(count(items, "\"error\"") == 0);
        CHECK(count(items, "\"skipped\":false") == sizes.size());
        const std::vector<int64_t> ids = video_ids(items);
        CHECK(ids.size() == sizes.size());
        for (std::size_t i = 0; i < ids.size(); i++) {
            std::cout << "video_id=" << ids[i] << " file=" << paths[i] << std::endl;
        }

        // The same call again: every file was recorded, nothing is sent.
        int reports = 0;
        const std::string again = client.upload_many(paths, checkpoints, 3, [&](const vodkit_batch_progress &) {
            reports++;
            return true;
        });
        CHECK(count(again, "\"skipped\":true") == sizes.size());
        CHECK(video_ids(again) == ids);
        CHECK(reports == 0);

        // Sources: a descriptor (closed at once) and a buffer (freed at once).
        std::vector<vodkit::Source> sources;
        int fd = open(paths[0].c_str(), O_RDONLY);
        CHECK(fd >= 0);
        sources.push_back(vodkit::Source::fd(fd, "fd.mp4"));
        close(fd);
        {
            std::ifstream f(paths[2], std::ios::binary);
            std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
            sources.push_back(vodkit::Source::buffer(bytes.data(), bytes.size(), "buffer.mp4"));
        }
        const std::vector<int64_t> from_sources = video_ids(client.upload_many(sources));
        CHECK(from_sources.size() == 2);
        std::cout << "video_id=" << from_sources[0] << " file=" << paths[0] << std::endl;
        std::cout << "video_id=" << from_sources[1] << " file=" << paths[2] << std::endl;

        // false stops the batch: the running file fails CANCELLED (with its
        // resume handle), the others never start. The control is paused
        // first, so the first file waits (reporting) until the stop reaches
        // it, however busy the machine.
        vodkit::UploadControl paused;
        paused.pause();
        const std::string stopped =
            client.upload_many(paths, "", 1, [](const vodkit_batch_progress &) { return false; }, &paused);
        CHECK(count(stopped, "\"kind\":\"cancelled\"") == sizes.size());
        CHECK(count(stopped, "\"result\"") == 0);
        CHECK(count(stopped, "\"resume\":{") == 1);

        // An exception thrown by the progress function comes out as itself,
        // and the function is not called again.
        int calls = 0;
        bool thrown = false;
        try {
            client.upload_many(
                paths, "", 2,
                [&](const vodkit_batch_progress &) -> bool {
                    calls++;
                    throw Stop{};
                },
                &paused);
        } catch (const Stop &) {
            thrown = true;
        }
        CHECK(thrown && calls == 1);

        // One control for the whole batch: cancelled before, nothing starts.
        vodkit::UploadControl token;
        token.cancel();
        const std::string cancelled = client.upload_many(paths, "", 2, {}, &token);
        CHECK(count(cancelled, "\"kind\":\"cancelled\"") == sizes.size());

        // Bad arguments throw before any request.
        auto invalid = [](auto call) {
            try {
                call();
            } catch (const vodkit::Error &e) {
                return e.code() == VODKIT_ERROR_INVALID_INPUT;
            }
            return false;
        };
        CHECK(invalid([&] { client.upload_many(paths, "", 0); }));
        CHECK(invalid([&] { client.upload_many(std::vector<std::string>{paths[0], base + ".missing"}); }));
        CHECK(invalid([&] {
            std::vector<vodkit::Source> readers;
            readers.push_back(vodkit::Source::reader([](uint64_t, uint8_t *, size_t) -> int64_t { return 0; }, 10,
                                                     "reader.mp4"));
            client.upload_many(readers);
        }));
        CHECK(client.upload_many(std::vector<std::string>{}) == "[]");
    }
    // Every handle, error and string came back.
    CHECK(vodkit::live_objects() == 0);
    std::cout << "batch ok" << std::endl;
    return 0;
}
