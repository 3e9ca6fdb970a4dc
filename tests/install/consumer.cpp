// Built by scripts/test-install from outside the repository with CMake
// (find_package(vodkit)), against vodkit::vodkit and vodkit::vodkit_static:
// the C++ wrapper and a generated provider class, through an upload to the
// emulator. Prints "consumer ok" on success.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <vodkit_baijiayun.hpp>

int main(int argc, char **argv) {
    const char *id = std::getenv("VODKIT_BAIJIAYUN_PARTNER_ID");
    const char *key = std::getenv("VODKIT_BAIJIAYUN_PARTNER_KEY");
    const char *url = std::getenv("VODKIT_BAIJIAYUN_BASE_URL");
    if (argc != 2 || !id || !key || !url) {
        std::fprintf(stderr, "usage: VODKIT_BAIJIAYUN_{PARTNER_ID,PARTNER_KEY,BASE_URL}=... %s FILE\n", argv[0]);
        return 2;
    }
    const std::string config = std::string(R"({"partner_id":")") + id + R"(","partner_key":")" + key +
                               R"(","base_url":")" + url + R"("})";
    try {
        const vodkit::Baijiayun client(config);
        unsigned long long done = 0;
        const std::string result = client.upload(argv[1], R"({"file_name":"installed-cpp"})",
                                                  [&done](const vodkit_progress &p) {
                                                      done = p.bytes_done;
                                                      return true;
                                                  });
        if (result.find("\"video_id\"") == std::string::npos || done == 0) {
            std::fprintf(stderr, "unexpected upload result %s\n", result.c_str());
            return 1;
        }
        const std::string page = client.get_video_list(1, 50);
        if (page.find("installed-cpp") == std::string::npos) {
            std::fprintf(stderr, "the uploaded video is not in the list: %s\n", page.c_str());
            return 1;
        }
    } catch (const vodkit::Error &e) {
        std::fprintf(stderr, "error %u: %s\n", static_cast<unsigned>(e.code()), e.what());
        return 1;
    }
    std::printf("consumer ok (vodkit %s)\n", vodkit_version());
    return 0;
}
