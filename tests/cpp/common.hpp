// Shared helpers of the C++ test programs (the harness passes the emulator
// in VODKIT_EMU_URL, VODKIT_PARTNER_ID and VODKIT_PARTNER_KEY).
#ifndef VODKIT_TEST_COMMON_HPP
#define VODKIT_TEST_COMMON_HPP

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "vodkit.hpp"

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::cerr << __FILE__ << ":" << __LINE__ << ": " #cond << std::endl; \
            std::exit(1);                                                        \
        }                                                                        \
    } while (0)

inline std::string env(const char *name) {
    const char *v = std::getenv(name);
    CHECK(v != nullptr);
    return v;
}

/// The config JSON of a client of the emulator (VODKIT_EMU_URL is its base URL).
inline std::string emulator_config(const std::string &partner_key, uint32_t retries, uint64_t part_size = 0) {
    vodkit::json::Object retry;
    retry.add("max_retries", static_cast<int64_t>(retries))
        .add("initial_backoff_ms", int64_t{10})
        .add("max_backoff_ms", int64_t{100});
    vodkit::json::Object config;
    config.add("partner_id", env("VODKIT_PARTNER_ID"))
        .add("partner_key", partner_key)
        .add("base_url", env("VODKIT_EMU_URL"))
        .add("retry", vodkit::Json(retry.str()));
    if (part_size > 0) config.add("part_size", static_cast<int64_t>(part_size));
    return config.str();
}

inline std::string emulator_config(uint32_t retries, uint64_t part_size = 0) {
    return emulator_config(env("VODKIT_PARTNER_KEY"), retries, part_size);
}

/// The integer member `key` of a flat JSON object text.
inline int64_t int_member(const std::string &json, const std::string &key) {
    const std::string pattern = "\"" + key + "\":";
    const auto at = json.find(pattern);
    CHECK(at != std::string::npos);
    return std::stoll(json.substr(at + pattern.size()));
}

#endif
