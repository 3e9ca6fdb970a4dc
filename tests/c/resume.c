/* The harness drops the first upload connection after some bytes: with no
 * retries the upload fails with NETWORK and its error carries a resume handle
 * (vodkit_error_resume); vodkit_client_resume_upload with that handle sends
 * only the rest. With retries the same drop is healed inside the call. */
#include "harness.h"

static int32_t record_first(void *user_data, const vodkit_progress *p) {
    uint64_t *first = user_data;
    if (*first == UINT64_MAX) *first = p->bytes_done;
    return VODKIT_CONTINUE;
}

int main(int argc, char **argv) {
    if (argc < 3) FAIL("usage: resume FILE MODE(later|inline)");
    const size_t size = 2 * 1024 * 1024 + 3;
    make_file(argv[1], size);
    char *result = NULL;
    if (strcmp(argv[2], "inline") == 0) {
        vodkit_client *client = emulator_client(3, 512 * 1024);
        OK(vodkit_client_upload(client, argv[1], NULL, NULL, NULL, NULL, &result));
        printf("video_id=%lld\n", json_int_member(result, "video_id"));
        CHECK(json_int_member(result, "bytes") == (long long)size);
        vodkit_string_free(result);
        vodkit_client_free(client);
        CHECK(vodkit_live_objects() == 0);
        return 0;
    }
    vodkit_client *client = emulator_client(0, 512 * 1024);
    vodkit_error *err = expect_error(vodkit_client_upload(client, argv[1], NULL, NULL, NULL, NULL, &result),
                                     VODKIT_ERROR_NETWORK, "upload with a dropped connection");
    CHECK(result == NULL);
    char *resume = vodkit_error_resume(err);
    CHECK(resume != NULL);
    CHECK(strstr(resume, "\"provider\":\"baijiayun\"") != NULL);
    long long id = json_int_member(resume, "video_id");
    CHECK(id > 0);
    /* The handle is owned by the caller: it outlives the error. */
    vodkit_error_free(err);

    /* A handle that is not JSON, or for another provider, is refused. */
    EXPECT_ERR(vodkit_client_resume_upload(client, "{", argv[1], NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_resume_upload(client, "{\"provider\":\"iqiyi\",\"video_id\":1}", argv[1], NULL, NULL,
                                           NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    CHECK(result == NULL);

    uint64_t first = UINT64_MAX;
    OK(vodkit_client_resume_upload(client, resume, argv[1], NULL, record_first, &first, NULL, &result));
    vodkit_string_free(resume);
    CHECK(first > 0 && first != UINT64_MAX); /* resumed from the server's offset */
    CHECK(json_int_member(result, "video_id") == id);
    CHECK(json_int_member(result, "bytes") == (long long)size);
    CHECK(json_int_member(result, "resumed_from") > 0);
    printf("video_id=%lld\n", id);
    vodkit_string_free(result);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    return 0;
}
