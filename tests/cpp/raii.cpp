// The C++ RAII wrapper through an upload. The header is included twice here
// and once more in second_unit.cpp (linked in), so guards and `inline` hold.
#include "vodkit.hpp"
#include "vodkit.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

std::string sign_in_second_unit();

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::cerr << __FILE__ << ":" << __LINE__ << ": " #cond << std::endl; \
            std::exit(1);                                                        \
        }                                                                        \
    } while (0)

static std::string env(const char *name) {
    const char *v = std::getenv(name);
    CHECK(v != nullptr);
    return v;
}

struct Stop {};

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string path = argv[1];
    {
        std::ofstream f(path, std::ios::binary);
        for (int i = 0; i < 2 * 1024 * 1024 + 9; i++) f.put(static_cast<char>((i * 7919) >> 3));
    }
    CHECK(vodkit::version() == "0.1.0");
    CHECK(sign_in_second_unit() == "5b78486597c679b0c6256da014af1260");

    vodkit::BaijiayunConfig config(env("VODKIT_PARTNER_ID"), env("VODKIT_PARTNER_KEY"));
    config.base_url(env("VODKIT_EMU_URL")).retries(2, 10, 100).part_size(512 * 1024);
    const vodkit::BaijiayunClient client(config);

    uint64_t last = 0, total = 0;
    const auto me = std::this_thread::get_id();
    vodkit::UploadOptions options;
    options.file_name = "cpp.mp4";
    const int64_t id = client.upload(path, options, [&](const vodkit_progress &p) {
        CHECK(std::this_thread::get_id() == me);
        CHECK(p.bytes_done >= last);
        last = p.bytes_done;
        total = p.bytes_total;
        return true;
    });
    CHECK(id > 0);
    CHECK(last == total && total == 2 * 1024 * 1024 + 9);
    std::cout << "video_id=" << id << std::endl;
    CHECK(client.status(id) == 20 || client.status(id) == 100);
    CHECK(client.info(id).find("\"name\":\"cpp.mp4\"") != std::string::npos);
    CHECK(client.player_token(id, 60).size() > 10);

    // Returning false aborts with CANCELLED.
    try {
        client.upload(path, {}, [](const vodkit_progress &) { return false; });
        CHECK(false);
    } catch (const vodkit::Error &e) {
        CHECK(e.code() == VODKIT_ERROR_CANCELLED);
    }
    // An exception thrown by the callback comes back out of upload().
    try {
        client.upload(path, {}, [](const vodkit_progress &) -> bool { throw Stop{}; });
        CHECK(false);
    } catch (const Stop &) {
    }
    // A cancel token from another thread.
    vodkit::CancelToken token;
    std::thread canceller([&] { token.cancel(); });
    canceller.join();
    try {
        client.upload(path, {}, {}, &token);
        CHECK(false);
    } catch (const vodkit::Error &e) {
        CHECK(e.code() == VODKIT_ERROR_CANCELLED);
    }
    // Errors carry the code, the provider's code and a message.
    vodkit::BaijiayunConfig bad(env("VODKIT_PARTNER_ID"), "wrong");
    bad.base_url(env("VODKIT_EMU_URL"));
    try {
        vodkit::BaijiayunClient(bad).status(id);
        CHECK(false);
    } catch (const vodkit::Error &e) {
        CHECK(e.code() == VODKIT_ERROR_AUTH);
        CHECK(e.provider_code() == "1002");
        CHECK(std::string(e.what()).find("sign error") != std::string::npos);
    }
    try {
        vodkit::CallbackVerifier("k").verify_transcode("video_id=1&status=20");
        CHECK(false);
    } catch (const vodkit::Error &e) {
        CHECK(e.code() == VODKIT_ERROR_VERIFICATION && e.detail() == "unsigned");
    }
    client.remove(id);
    std::cout << "raii ok" << std::endl;
    return 0;
}
