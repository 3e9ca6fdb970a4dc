/* The 趣视频 console through the provider-neutral C ABI: login, list,
 * audit, delete, sign out; a token expired between two calls (through the
 * emulator's control API) renewed by one re-login; a bad audit refused
 * before sending; a wrong password. */
#include "harness.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

/* One HTTP/1.0 request to the emulator's quvideo control API; returns the
 * body (free it) — a few lines of sockets rather than an HTTP library. */
static char *control(const char *method, const char *path) {
    const char *url = env_or_die("VODKIT_QUVIDEO_CONTROL_URL"); /* http://127.0.0.1:PORT/_emulator/quvideo */
    char host[64], port[16];
    const char *at = url + strlen("http://");
    const char *colon = strchr(at, ':');
    const char *slash = strchr(at, '/');
    CHECK(colon != NULL && slash != NULL && colon < slash && (size_t)(colon - at) < sizeof host);
    memcpy(host, at, (size_t)(colon - at));
    host[colon - at] = '\0';
    CHECK((size_t)(slash - colon - 1) < sizeof port);
    memcpy(port, colon + 1, (size_t)(slash - colon - 1));
    port[slash - colon - 1] = '\0';
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_socktype = SOCK_STREAM;
    CHECK(getaddrinfo(host, port, &hints, &ai) == 0);
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    CHECK(fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0);
    freeaddrinfo(ai);
    char request[512];
    int n = snprintf(request, sizeof request, "%s %s%s HTTP/1.0\r\nHost: %s\r\nContent-Length: 0\r\n\r\n",
                     method, slash, path, host);
    CHECK(write(fd, request, (size_t)n) == n);
    size_t cap = 4096, len = 0;
    char *answer = malloc(cap);
    CHECK(answer != NULL);
    ssize_t got;
    while ((got = read(fd, answer + len, cap - len - 1)) > 0) {
        len += (size_t)got;
        if (len + 1 == cap) {
            cap *= 2;
            answer = realloc(answer, cap);
            CHECK(answer != NULL);
        }
    }
    close(fd);
    answer[len] = '\0';
    CHECK(strstr(answer, " 200 ") != NULL);
    char *body = strstr(answer, "\r\n\r\n");
    CHECK(body != NULL);
    char *copy = strdup(body + 4);
    free(answer);
    return copy;
}

static long long login_requests(void) {
    char *session = control("GET", "/session");
    long long n = json_int_member(session, "login_requests");
    free(session);
    return n;
}

static char *quvideo_config(const char *password) {
    const char *fmt = "{\"base_url\":\"%s\",\"user_name\":\"%s\",\"password\":\"%s\","
                      "\"retry\":{\"max_retries\":1,\"initial_backoff_ms\":10,\"max_backoff_ms\":50}}";
    const char *url = env_or_die("VODKIT_QUVIDEO_URL");
    const char *user = env_or_die("VODKIT_QUVIDEO_USER");
    int n = snprintf(NULL, 0, fmt, url, user, password);
    char *json = malloc((size_t)n + 1);
    if (json == NULL) FAIL("out of memory");
    snprintf(json, (size_t)n + 1, fmt, url, user, password);
    return json;
}

/* Calls `operation` and returns its answer (free with vodkit_string_free). */
static char *call(const vodkit_client *client, const char *operation, const char *params) {
    char *json = NULL;
    OK(vodkit_client_call(client, operation, params, &json));
    CHECK(json != NULL);
    return json;
}

int main(int argc, char **argv) {
    (void)argc;
    char *config = quvideo_config(env_or_die("VODKIT_QUVIDEO_PASSWORD"));
    vodkit_client *client = NULL;
    OK(vodkit_client_new("quvideo", config, &client));
    free(config);

    char *json = call(client, "login", NULL);
    CHECK(strstr(json, "\"consoleToken\":\"") != NULL);
    vodkit_string_free(json);

    /* The videos waiting for review, first page of two. */
    json = call(client, "getVideos", "{\"censorStatus\":\"onCensor\",\"pageIndex\":1,\"pageSize\":2}");
    CHECK(json_int_member(json, "total") == 4);
    CHECK(strstr(json, "\"videoId\":\"vid004\"") != NULL);
    CHECK(strstr(json, "\"SnapshotList\":[") != NULL);
    vodkit_string_free(json);

    /* Block one with a reason; it leaves the review queue. */
    json = call(client, "createAudit", "{\"mediaId\":\"vid004\",\"status\":\"Blocked\",\"reason\":\"spam\"}");
    CHECK(strcmp(json, "null") == 0);
    vodkit_string_free(json);
    json = call(client, "getVideos", "{\"censorStatus\":\"onCensor\"}");
    CHECK(json_int_member(json, "total") == 3);
    vodkit_string_free(json);

    /* A bad status and an over-long reason: refused before sending. */
    char *out = NULL;
    EXPECT_ERR(vodkit_client_call(client, "createAudit", "{\"mediaId\":\"vid001\",\"status\":\"Deleted\"}", &out),
               VODKIT_ERROR_INVALID_INPUT);
    char params[512];
    char reason[200];
    memset(reason, 'x', 129);
    reason[129] = '\0';
    snprintf(params, sizeof params, "{\"mediaId\":\"vid001\",\"status\":\"Blocked\",\"reason\":\"%s\"}", reason);
    EXPECT_ERR(vodkit_client_call(client, "createAudit", params, &out), VODKIT_ERROR_INVALID_INPUT);
    CHECK(out == NULL);

    /* The token expires between two calls: one re-login, the call succeeds. */
    CHECK(login_requests() == 1);
    free(control("POST", "/tokens/expire"));
    json = call(client, "getVideoById", "{\"videoId\":\"vid003\"}");
    CHECK(strstr(json, "\"videoId\":\"vid003\"") != NULL);
    vodkit_string_free(json);
    CHECK(login_requests() == 2);

    /* Delete, then the video is gone. */
    json = call(client, "deleteVideoById", "{\"videoId\":\"vid002\"}");
    vodkit_string_free(json);
    vodkit_error *err = vodkit_client_call(client, "getVideoById", "{\"videoId\":\"vid002\"}", &out);
    expect_error(err, VODKIT_ERROR_INVALID_INPUT, "getVideoById of a deleted video");
    CHECK(strcmp(vodkit_error_provider_code(err), "300") == 0);
    vodkit_error_free(err);

    /* A video copied to Baijiayun (vodkit_copy): its play URL is read with
       Range requests into a Baijiayun upload; the title comes along. */
    vodkit_client *bjy = emulator_client(2, 0);
    OK(vodkit_copy(client, "vid005", bjy, NULL, NULL, NULL, NULL, &out));
    json = out;
    out = NULL;
    CHECK(strstr(json, "\"source_provider\":\"quvideo\"") != NULL);
    CHECK(strstr(json, "\"title\":\"test video 5\"") != NULL);
    CHECK(json_int_member(json, "bytes") == 5000);
    CHECK(strstr(json, "\"skipped\":false") != NULL);
    vodkit_string_free(json);
    /* Nothing to copy to on the console. */
    EXPECT_ERR(vodkit_copy(bjy, "1", client, NULL, NULL, NULL, NULL, &out), VODKIT_ERROR_INVALID_INPUT);
    vodkit_client_free(bjy);

    /* No upload on the console. */
    EXPECT_ERR(vodkit_client_upload(client, argv[0], NULL, NULL, NULL, NULL, &out),
               VODKIT_ERROR_INVALID_INPUT);

    json = call(client, "signOut", NULL);
    vodkit_string_free(json);
    vodkit_client_free(client);

    /* A wrong password: AUTH with the AppServer's 401. */
    config = quvideo_config("wrong-password");
    OK(vodkit_client_new("quvideo", config, &client));
    free(config);
    err = vodkit_client_call(client, "getVideos", NULL, &out);
    expect_error(err, VODKIT_ERROR_AUTH, "a wrong password");
    CHECK(strcmp(vodkit_error_provider_code(err), "401") == 0);
    CHECK(strstr(vodkit_error_message(err), "wrong-password") == NULL);
    vodkit_error_free(err);
    vodkit_client_free(client);
    puts("done");
    return 0;
}
