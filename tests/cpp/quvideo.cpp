// The 趣视频 console through the generated vodkit::Quvideo (and the double
// include): login, list, audit, delete, sign out; a bad audit refused before
// sending; no upload on the console.
#include "vodkit_quvideo.hpp"
#include "vodkit_quvideo.hpp"

#include "common.hpp"

static std::string quvideo_config(const std::string &password) {
    vodkit::json::Object config;
    config.add("base_url", env("VODKIT_QUVIDEO_URL"))
        .add("user_name", env("VODKIT_QUVIDEO_USER"))
        .add("password", password);
    return config.str();
}

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    CHECK(std::string(vodkit::Quvideo::provider_name) == "quvideo");
    {
        const vodkit::Quvideo client(quvideo_config(env("VODKIT_QUVIDEO_PASSWORD")));
        CHECK(client.provider() == "quvideo");
        CHECK(client.login().find("\"consoleToken\":\"") != std::string::npos);

        // The review queue, then block one video with a reason.
        std::string page = client.get_videos(1, 10, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                             std::nullopt, std::nullopt, std::string("onCensor"));
        CHECK(int_member(page, "total") == 4);
        CHECK(client.create_audit("vid001", "Blocked", std::string("不当内容")) == "null");
        page = client.get_videos(1, 10, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                 std::nullopt, std::string("Blocked"));
        CHECK(int_member(page, "total") == 1);
        CHECK(page.find("\"videoId\":\"vid001\"") != std::string::npos);

        // Over 128 bytes of reason: refused before sending.
        try {
            client.create_audit("vid001", "Blocked", std::string(129, 'x'));
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
        }

        client.push_object_cache({"example.com/a.mp4", "example.com/b.mp4"});
        client.delete_video_by_id("vid002");
        try {
            client.get_video_by_id("vid002");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT && e.provider_code() == "300");
        }
        try {
            client.upload(argv[0]);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
        }
        client.sign_out();
    }
    {
        const vodkit::Quvideo wrong(quvideo_config("not-the-password"));
        try {
            wrong.get_videos();
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_AUTH && e.provider_code() == "401");
            CHECK(std::string(e.what()).find("not-the-password") == std::string::npos);
        }
    }
    std::cout << "quvideo ok" << std::endl;
    return 0;
}
