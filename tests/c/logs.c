/* The SDK's log lines through vodkit_set_log_callback: a retried call at
 * TRACE shows the retry (and no secret), an upload's lines arrive from its
 * worker threads too (the callback is thread-safe), WARN filters the
 * routine lines, NULL turns it off, a bad level is INVALID_ENUM.
 * argv[1]: a scratch file path for the upload. The Rust side makes the
 * first request fail once (HTTP 500). */
#include "harness.h"

struct seen {
    pthread_mutex_t lock;
    pthread_t main_thread;
    int lines;
    int other_thread_lines;
    int retry_lines;
    int bad_level;
    int leaked;
    const char *secret;
};

static struct seen seen = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void on_log(void *user_data, vodkit_log_level level, const char *target, const char *message) {
    struct seen *s = user_data;
    pthread_mutex_lock(&s->lock);
    s->lines++;
    if (!pthread_equal(pthread_self(), s->main_thread)) s->other_thread_lines++;
    if (level < VODKIT_LOG_ERROR || level > VODKIT_LOG_TRACE) s->bad_level++;
    if (strstr(message, "retrying") != NULL) s->retry_lines++;
    if (strstr(message, s->secret) != NULL || strstr(target, s->secret) != NULL) s->leaked++;
    pthread_mutex_unlock(&s->lock);
}

static void reset(void) {
    pthread_mutex_lock(&seen.lock);
    seen.lines = seen.other_thread_lines = seen.retry_lines = 0;
    pthread_mutex_unlock(&seen.lock);
}

static void call(vodkit_client *client) {
    char *json = NULL;
    OK(vodkit_client_call(client, "video_account/setTranscodeCallbackUrl",
                          "{\"url\":\"http://127.0.0.1:9/c\"}", &json));
    vodkit_string_free(json);
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: logs FILE");
    seen.main_thread = pthread_self();
    seen.secret = env_or_die("VODKIT_PARTNER_KEY");

    EXPECT_ERR(vodkit_set_log_callback(VODKIT_LOG_TRACE + 1, on_log, &seen), VODKIT_ERROR_INVALID_ENUM);

    OK(vodkit_set_log_callback(VODKIT_LOG_TRACE, on_log, &seen));
    vodkit_client *client = emulator_client(3, 0);
    call(client); /* its first request is answered 500, then retried */
    CHECK(seen.retry_lines == 1);
    CHECK(seen.lines >= 2); /* the retry and the HTTP lines */

    /* An upload in several parts: its requests run on worker threads. */
    make_file(argv[1], 3 * 1024 * 1024 + 17);
    vodkit_client *parts = emulator_client(3, 1024 * 1024);
    char *result = NULL;
    OK(vodkit_client_upload(parts, argv[1], NULL, NULL, NULL, NULL, &result));
    vodkit_string_free(result);
    printf("upload: %d lines, %d from other threads\n", seen.lines, seen.other_thread_lines);

    /* At WARN the routine lines (HTTP answers at DEBUG) are not delivered. */
    OK(vodkit_set_log_callback(VODKIT_LOG_WARN, on_log, &seen));
    reset();
    call(client);
    CHECK(seen.lines == 0);

    /* NULL turns logging off (even at TRACE). */
    OK(vodkit_set_log_callback(VODKIT_LOG_TRACE, NULL, NULL));
    call(client);
    CHECK(seen.lines == 0);

    CHECK(seen.bad_level == 0);
    CHECK(seen.leaked == 0);
    vodkit_client_free(parts);
    vodkit_client_free(client);
    return 0;
}
