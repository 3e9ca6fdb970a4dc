/* The signer against the provider's published oracle vector. */
#include "harness.h"

int main(void) {
    const char *keys[] = {"title", "type", "timestamp", "start_time", "partner_id", "end_time"};
    const char *values[] = {"测试教室", "2", "1501572288", "1501575608", "12345678", "1501579208"};
    const char *key =
        "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg==";
    char *sign = NULL;
    OK(vodkit_baijiayun_sign(keys, values, 6, key, &sign));
    CHECK(strcmp(sign, "5b78486597c679b0c6256da014af1260") == 0);
    vodkit_string_free(sign);

    /* Empty and "0" values are signed as sent; no parameters at all is fine. */
    const char *k2[] = {"b", "a"};
    const char *v2[] = {"0", ""};
    OK(vodkit_baijiayun_sign(k2, v2, 2, "k", &sign));
    CHECK(strlen(sign) == 32);
    vodkit_string_free(sign);
    OK(vodkit_baijiayun_sign(NULL, NULL, 0, "k", &sign));
    vodkit_string_free(sign);

    /* Invalid UTF-8 is refused. */
    const char *bad[] = {"\xff\xfe"};
    EXPECT_ERR(vodkit_baijiayun_sign(bad, v2, 1, "k", &sign), VODKIT_ERROR_INVALID_UTF8);

    CHECK(strcmp(vodkit_version(), "0.1.0") == 0);
    CHECK(vodkit_abi_version() == VODKIT_ABI_VERSION);
    printf("sign_oracle ok\n");
    return 0;
}
