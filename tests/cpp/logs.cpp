// The SDK's log lines through vodkit::set_log_callback: a retried call shows
// its retry (the first answer is a 500, set up by tests/c_abi.rs), no line
// holds the partner key, a sink that throws is contained, an empty sink
// turns the log off.
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "common.hpp"

int main() {
    std::mutex lock;
    std::vector<std::string> lines;
    vodkit::set_log_callback(VODKIT_LOG_TRACE, [&](vodkit_log_level, const std::string &, const std::string &message) {
        std::lock_guard<std::mutex> guard(lock);
        lines.push_back(message);
        if (message.rfind("HTTP", 0) == 0) throw std::runtime_error("contained by the wrapper");
    });
    const vodkit::Client client("baijiayun", emulator_config(3));
    const std::string params = R"({"url":"http://127.0.0.1:9/c"})";
    client.call("video_account/setTranscodeCallbackUrl", params);
    {
        std::lock_guard<std::mutex> guard(lock);
        bool retried = false;
        for (const auto &line : lines) {
            retried = retried || line.find("retrying") != std::string::npos;
            CHECK(line.find(env("VODKIT_PARTNER_KEY")) == std::string::npos);
        }
        CHECK(retried);
        lines.clear();
    }
    vodkit::set_log_callback(VODKIT_LOG_TRACE, nullptr);
    client.call("video_account/setTranscodeCallbackUrl", params);
    CHECK(lines.empty());
    std::cout << "logs ok" << std::endl;
    return 0;
}
