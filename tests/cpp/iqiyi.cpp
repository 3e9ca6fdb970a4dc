// iQiyi from C++ through the generated vodkit::Iqiyi (vodkit_iqiyi.hpp):
// authorize, an upload with progress, status, play URLs, the credentials
// getter, delete; bad input; cancel from another thread.
#include "vodkit_iqiyi.hpp"
#include "vodkit_iqiyi.hpp"

#include <chrono>
#include <fstream>
#include <thread>

#include "common.hpp"

std::size_t iqiyi_operation_count_in_second_unit();

static std::string string_member(const std::string &json, const std::string &key) {
    const std::string pattern = "\"" + key + "\":\"";
    const auto at = json.find(pattern);
    CHECK(at != std::string::npos);
    const auto start = at + pattern.size();
    return json.substr(start, json.find('"', start) - start);
}

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string path = argv[1];
    const uint64_t size = 1024 * 1024 + 3;
    {
        std::ofstream f(path, std::ios::binary);
        for (uint64_t i = 0; i < size; i++) f.put(static_cast<char>(i * 7 + 3));
    }
    {
        vodkit::json::Object config;
        config.add("client_id", env("VODKIT_IQIYI_CLIENT_ID"))
            .add("client_secret", env("VODKIT_IQIYI_CLIENT_SECRET"))
            .add("base_url", env("VODKIT_IQIYI_URL"))
            .add("part_size", int64_t{128 * 1024});
        const vodkit::Iqiyi client(config.str());
        CHECK(vodkit::Iqiyi::operation_methods.size() == 10);
        CHECK(iqiyi_operation_count_in_second_unit() == 10);

        const std::string grant = client.authorize();
        const std::string token = string_member(grant, "access_token");
        CHECK(token.size() == 32);
        CHECK(client.credentials().find(token) != std::string::npos);

        uint64_t last = 0;
        const auto me = std::this_thread::get_id();
        const std::string up = client.upload(path, "{\"description\":\"from C++\"}", [&](const vodkit_progress &p) {
            CHECK(std::this_thread::get_id() == me);
            CHECK(p.bytes_done >= last);
            last = p.bytes_done;
            return true;
        });
        CHECK(last == size);
        CHECK(static_cast<uint64_t>(int_member(up, "bytes")) == size);
        const std::string file_id = string_member(up, "file_id");

        std::string status = client.full_status(file_id);
        for (int i = 0; i < 200 && status.find("\"state\":\"done\"") == std::string::npos; i++) {
            CHECK(status.find("\"state\":\"publishing\"") != std::string::npos);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            status = client.full_status(file_id);
        }
        CHECK(status.find("\"state\":\"done\"") != std::string::npos);
        const std::string urls = client.url_list(file_id);
        CHECK(urls.find("\"name\":\"fastest\"") != std::string::npos);
        try {
            client.video_list(std::nullopt, int64_t{101});
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
        }
        client.delete_(1, file_id);
        CHECK(client.full_status(file_id).find("\"state\":\"missing\"") != std::string::npos);

        // Cancel from another thread.
        vodkit::UploadControl cancel;
        std::thread canceller([&] { cancel.cancel(); });
        canceller.join();
        try {
            client.upload(path, "", {}, &cancel);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_CANCELLED);
        }
        try {
            vodkit::Iqiyi("{\"client_id\":\"x\"}");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
        }
    }
    CHECK(vodkit::live_objects() == 0);
    std::cout << "iqiyi ok" << std::endl;
    return 0;
}
