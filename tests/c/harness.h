/* Shared helpers of the C test programs. The Rust test (tests/c_abi.rs)
 * starts the emulator and passes its Baijiayun base URL (.../baijiayun) in
 * VODKIT_EMU_URL, with VODKIT_PARTNER_ID and VODKIT_PARTNER_KEY. */
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

/* A client of the emulator with quick retries (`retries` after the first attempt). */
static inline vodkit_bjy_client *emulator_client(uint32_t retries, uint64_t part_size) {
    vodkit_bjy_config *config = NULL;
    vodkit_bjy_client *client = NULL;
    OK(vodkit_bjy_config_new(env_or_die("VODKIT_PARTNER_ID"), env_or_die("VODKIT_PARTNER_KEY"), &config));
    OK(vodkit_bjy_config_set_base_url(config, env_or_die("VODKIT_EMU_URL")));
    OK(vodkit_bjy_config_set_retries(config, retries, 10, 100));
    if (part_size > 0) OK(vodkit_bjy_config_set_part_size(config, part_size));
    OK(vodkit_bjy_client_new(config, &client));
    vodkit_bjy_config_free(config);
    return client;
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
