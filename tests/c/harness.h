/* Shared helpers of the C test programs. The Rust test (tests/c_abi.rs)
 * starts the emulator and passes it in VODKIT_EMU_URL (the provider's base
 * URL), VODKIT_EMU_CONTROL_URL (its control API), VODKIT_PARTNER_ID and
 * VODKIT_PARTNER_KEY. */
#ifndef VODKIT_TEST_HARNESS_H
#define VODKIT_TEST_HARNESS_H

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vodkit.h"

#define FAIL(...)                                                  \
    do {                                                           \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);            \
        fprintf(stderr, __VA_ARGS__);                              \
        fprintf(stderr, "\n");                                     \
        exit(1);                                                   \
    } while (0)

#define CHECK(cond)                                                \
    do {                                                           \
        if (!(cond)) FAIL("check failed: %s", #cond);              \
    } while (0)

/* Fails the program when `call` returns an error. */
#define OK(call)                                                   \
    do {                                                           \
        vodkit_error *err_ = (call);                               \
        if (err_ != NULL) {                                        \
            FAIL("%s failed: code %u: %s", #call,                  \
                 vodkit_error_code(err_), vodkit_error_message(err_)); \
        }                                                          \
    } while (0)

/* Expects `call` to fail with `code`; returns the error (free it). */
static inline vodkit_error *expect_error(vodkit_error *err, uint32_t code, const char *what) {
    if (err == NULL) FAIL("%s succeeded, expected error %u", what, code);
    if (vodkit_error_code(err) != code)
        FAIL("%s: expected error %u, got %u: %s", what, code, vodkit_error_code(err),
             vodkit_error_message(err));
    return err;
}

#define EXPECT_ERR(call, code) vodkit_error_free(expect_error((call), (code), #call))

static inline const char *env_or_die(const char *name) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') FAIL("%s is not set", name);
    return v;
}

/* The emulator's URLs, as tests/c_abi.rs passes them (it builds both in one
 * place): the provider's base URL and the control API's. */
static inline const char *emulator_url(void) { return env_or_die("VODKIT_EMU_URL"); }
static inline const char *emulator_control_url(void) { return env_or_die("VODKIT_EMU_CONTROL_URL"); }

/* The config JSON of a Baijiayun client of the emulator signing with
 * `partner_key`, with quick retries (`retries` after the first attempt) and
 * `part_size` (0: the default). Free it with free(). */
static inline char *emulator_config_with_key(const char *partner_key, uint32_t retries, uint64_t part_size) {
    char part[64] = "";
    if (part_size > 0) snprintf(part, sizeof part, ",\"part_size\":%llu", (unsigned long long)part_size);
    const char *fmt =
        "{\"partner_id\":\"%s\",\"partner_key\":\"%s\",\"base_url\":\"%s\","
        "\"retry\":{\"max_retries\":%u,\"initial_backoff_ms\":10,\"max_backoff_ms\":100}%s}";
    const char *id = env_or_die("VODKIT_PARTNER_ID");
    int n = snprintf(NULL, 0, fmt, id, partner_key, emulator_url(), retries, part);
    char *json = malloc((size_t)n + 1);
    if (json == NULL) FAIL("out of memory");
    snprintf(json, (size_t)n + 1, fmt, id, partner_key, emulator_url(), retries, part);
    return json;
}

static inline char *emulator_config(uint32_t retries, uint64_t part_size) {
    return emulator_config_with_key(env_or_die("VODKIT_PARTNER_KEY"), retries, part_size);
}

/* A Baijiayun client of the emulator (see emulator_config). */
static inline vodkit_client *emulator_client(uint32_t retries, uint64_t part_size) {
    char *config = emulator_config(retries, part_size);
    vodkit_client *client = NULL;
    OK(vodkit_client_new("baijiayun", config, &client));
    free(config);
    return client;
}

/* The integer member `key` of a flat JSON object text (`{"video_id":7,…}`). */
static inline long long json_int_member(const char *json, const char *key) {
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    const char *at = strstr(json, pattern);
    if (at == NULL) FAIL("no %s in %s", key, json);
    return strtoll(at + strlen(pattern), NULL, 10);
}

/* Writes `size` pseudo-random bytes to `path`. */
static inline void make_file(const char *path, size_t size) {
    FILE *f = fopen(path, "wb");
    if (f == NULL) FAIL("cannot create %s", path);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < size; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        fputc((int)(x & 0xff), f);
    }
    fclose(f);
}

static inline void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

#endif
