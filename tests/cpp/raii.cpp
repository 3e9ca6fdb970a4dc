// The C++ RAII wrapper through uploads: progress, abort, exceptions from the
// callback, upload controls, a cut upload resumed from the resume handle its
// exception carries, errors. The headers are included twice here and once
// more in second_unit.cpp (linked in), so guards and `inline` hold.
#include "vodkit.hpp"
#include "vodkit.hpp"
#include "vodkit_baijiayun.hpp"
#include "vodkit_baijiayun.hpp"

#include <fstream>
#include <thread>

#include "common.hpp"

std::string sign_in_second_unit();
std::size_t operation_count_in_second_unit();

struct Stop {};

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string path = argv[1];
    const uint64_t size = 2 * 1024 * 1024 + 9;
    {
        std::ofstream f(path, std::ios::binary);
        for (uint64_t i = 0; i < size; i++) f.put(static_cast<char>((i * 7919) >> 3));
    }
    CHECK(vodkit::version() == "0.1.0");
    CHECK(sign_in_second_unit() == "5b78486597c679b0c6256da014af1260");
    CHECK(operation_count_in_second_unit() == vodkit::Baijiayun::operation_methods.size());
    {
        // The harness cuts the first upload connection: without retries the
        // upload fails, and the exception carries the resume handle.
        const vodkit::Client once("baijiayun", emulator_config(0, 512 * 1024));
        CHECK(once.provider() == "baijiayun");
        std::optional<std::string> resume;
        try {
            once.upload(path);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_NETWORK);
            resume = e.resume();
        }
        CHECK(resume && resume->find("\"provider\":\"baijiayun\"") != std::string::npos);
        uint64_t first = UINT64_MAX;
        const std::string resumed = once.resume_upload(*resume, path, "", [&](const vodkit_progress &p) {
            if (first == UINT64_MAX) first = p.bytes_done;
            return true;
        });
        CHECK(first > 0 && first != UINT64_MAX);
        CHECK(int_member(resumed, "video_id") == int_member(*resume, "video_id"));
        CHECK(static_cast<uint64_t>(int_member(resumed, "bytes")) == size);
        CHECK(int_member(resumed, "resumed_from") > 0);

        const vodkit::Client client("baijiayun", emulator_config(2, 512 * 1024));
        uint64_t last = 0, total = 0;
        const auto me = std::this_thread::get_id();
        const std::string result =
            client.upload(path, "{\"file_name\":\"cpp.mp4\",\"definitions\":[16,1]}", [&](const vodkit_progress &p) {
                CHECK(std::this_thread::get_id() == me);
                CHECK(p.bytes_done >= last);
                last = p.bytes_done;
                total = p.bytes_total;
                return true;
            });
        const int64_t id = int_member(result, "video_id");
        CHECK(id > 0);
        CHECK(last == total && total == size);
        std::cout << "video_id=" << id << std::endl;
        const std::string params = "{\"video_id\":" + std::to_string(id) + "}";
        const int64_t status = int_member(client.call("video/getStatus", params), "status");
        CHECK(status == 20 || status == 100);
        CHECK(client.call("video/getInfo", params).find("\"name\":\"cpp.mp4\"") != std::string::npos);

        // Returning false aborts with CANCELLED.
        try {
            client.upload(path, "", [](const vodkit_progress &) { return false; });
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_CANCELLED);
        }
        // A checkpoint directory: the stopped upload is listed (with the handle the first
        // progress report carried), and removed.
        {
            const std::string dir = path + ".checkpoints";
            std::string first_resume;
            try {
                client.upload(path, "{\"checkpoint_dir\":\"" + dir + "\"}", [&](const vodkit_progress &p) {
                    CHECK(p.resume_json != nullptr);
                    first_resume = p.resume_json;
                    return false;
                });
                CHECK(false);
            } catch (const vodkit::Error &e) {
                CHECK(e.code() == VODKIT_ERROR_CANCELLED);
                CHECK(int_member(first_resume, "video_id") == int_member(*e.resume(), "video_id"));
            }
            const std::string listed = vodkit::checkpoints(dir);
            const std::size_t at = listed.find("\"key\":\"");
            CHECK(at != std::string::npos);
            vodkit::remove_checkpoint(dir, listed.substr(at + 7, 32));
            CHECK(vodkit::checkpoints(dir) == "[]");
        }
        // An exception thrown by the callback comes back out of upload(),
        // nested in the upload's Error, which keeps the resume handle.
        try {
            client.upload(path, "", [](const vodkit_progress &) -> bool { throw Stop{}; });
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_CANCELLED);
            CHECK(e.resume().has_value());
            bool nested = false;
            try {
                std::rethrow_if_nested(e);
            } catch (const Stop &) {
                nested = true;
            }
            CHECK(nested);
            CHECK(int_member(client.resume_upload(*e.resume(), path), "bytes") > 0);
        }
        // An upload control from another thread.
        vodkit::UploadControl token;
        std::thread canceller([&] { token.cancel(); });
        canceller.join();
        CHECK(token.is_cancelled());
        try {
            client.upload(path, "", {}, &token);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_CANCELLED);
        }
        // Bad options are refused before any request.
        try {
            client.upload(path, "{\"no_such_option\":1}");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
            CHECK(!e.resume());
        }
        // Errors carry the code, the provider's code and a message.
        try {
            vodkit::Client("baijiayun", emulator_config("wrong", 0)).call("video/getStatus", params);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_AUTH);
            CHECK(e.provider_code() == "1002");
            CHECK(std::string(e.what()).find("sign error") != std::string::npos);
        }
        try {
            vodkit::Client("nosuchvod", "{}");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
            CHECK(std::string(e.what()).find("nosuchvod") != std::string::npos);
        }
        try {
            vodkit::BaijiayunVerifier("k").verify_transcode("video_id=1&status=20");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_VERIFICATION && e.detail() == "unsigned");
        }
        client.call("video/delete", params);
    }
    // Every handle, error and string came back.
    CHECK(vodkit::live_objects() == 0);
    std::cout << "raii ok" << std::endl;
    return 0;
}
