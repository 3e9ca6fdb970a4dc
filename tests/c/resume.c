/* The harness drops the first upload connection after some bytes: with no
 * retries the upload fails with NETWORK and names the video; resuming it
 * sends only the rest. With retries the same drop is healed inside the call. */
#include "harness.h"

static int32_t record_first(void *user_data, const vodkit_progress *p) {
    uint64_t *first = user_data;
    if (*first == UINT64_MAX) *first = p->bytes_done;
    return VODKIT_CONTINUE;
}

int main(int argc, char **argv) {
    if (argc < 3) FAIL("usage: resume FILE MODE(later|inline)");
    make_file(argv[1], 2 * 1024 * 1024 + 3);
    char *video_id = NULL;
    if (strcmp(argv[2], "inline") == 0) {
        vodkit_bjy_client *client = emulator_client(3, 512 * 1024);
        OK(vodkit_bjy_upload(client, argv[1], NULL, NULL, NULL, NULL, &video_id));
        printf("video_id=%s\n", video_id);
        vodkit_string_free(video_id);
        vodkit_bjy_client_free(client);
        return 0;
    }
    vodkit_bjy_client *client = emulator_client(0, 512 * 1024);
    vodkit_error *err = expect_error(vodkit_bjy_upload(client, argv[1], NULL, NULL, NULL, NULL, &video_id),
                                     VODKIT_ERROR_NETWORK, "upload with a dropped connection");
    const char *detail = vodkit_error_detail(err);
    CHECK(detail != NULL && strncmp(detail, "video_id=", 9) == 0);
    int64_t id = strtoll(detail + 9, NULL, 10);
    vodkit_error_free(err);

    uint64_t first = UINT64_MAX;
    OK(vodkit_bjy_resume_upload(client, id, argv[1], NULL, record_first, &first, NULL, &video_id));
    CHECK(first > 0 && first != UINT64_MAX); /* resumed from the server's offset */
    CHECK(strtoll(video_id, NULL, 10) == id);
    printf("video_id=%s\n", video_id);
    vodkit_string_free(video_id);
    vodkit_bjy_client_free(client);
    return 0;
}
