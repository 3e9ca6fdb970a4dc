// vodkit.hpp: a header-only C++17 RAII wrapper over the C ABI (vodkit.h).
//
// Handles are owned by std::unique_ptr with the library's free functions;
// every error becomes a vodkit::Error exception carrying the error code, the
// provider's code and request id; progress is a std::function, called on the
// thread that called upload(); an exception thrown by it stops the upload and
// is rethrown from upload() (it never crosses the C frames).
#ifndef VODKIT_HPP
#define VODKIT_HPP

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "vodkit.h"

namespace vodkit {

/// A failed call: `code()` is one of the VODKIT_ERROR_* constants.
class Error : public std::runtime_error {
public:
    explicit Error(const vodkit_error *e)
        : std::runtime_error(vodkit_error_message(e)),
          code_(vodkit_error_code(e)),
          provider_code_(or_empty(vodkit_error_provider_code(e))),
          request_id_(or_empty(vodkit_error_request_id(e))),
          detail_(or_empty(vodkit_error_detail(e))),
          http_status_(vodkit_error_http_status(e)) {}

    uint32_t code() const noexcept { return code_; }
    const std::string &provider_code() const noexcept { return provider_code_; }
    const std::string &request_id() const noexcept { return request_id_; }
    /// "unsigned"/"tampered"/"stale"/"malformed" for verification errors,
    /// "video_id=N" for a failed upload.
    const std::string &detail() const noexcept { return detail_; }
    int32_t http_status() const noexcept { return http_status_; }

private:
    static std::string or_empty(const char *s) { return s ? std::string(s) : std::string(); }
    uint32_t code_;
    std::string provider_code_;
    std::string request_id_;
    std::string detail_;
    int32_t http_status_;
};

namespace detail {

struct ErrorFree {
    void operator()(vodkit_error *e) const noexcept { vodkit_error_free(e); }
};

/// Throws when `e` is an error (and frees it either way).
inline void check(vodkit_error *e) {
    if (e != nullptr) {
        std::unique_ptr<vodkit_error, ErrorFree> owned(e);
        throw Error(owned.get());
    }
}

/// Takes ownership of a library string.
inline std::string take(char *s) {
    std::unique_ptr<char, void (*)(char *)> owned(s, vodkit_string_free);
    return s ? std::string(s) : std::string();
}

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const noexcept { Free(p); }
};

template <typename T, void (*Free)(T *)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

}  // namespace detail

/// Cancels uploads from any thread.
class CancelToken {
public:
    CancelToken() {
        vodkit_cancel_token *t = nullptr;
        detail::check(vodkit_cancel_token_new(&t));
        token_.reset(t);
    }
    void cancel() const { detail::check(vodkit_cancel_token_cancel(token_.get())); }
    bool is_cancelled() const noexcept { return vodkit_cancel_token_is_cancelled(token_.get()); }
    const vodkit_cancel_token *get() const noexcept { return token_.get(); }

private:
    detail::Handle<vodkit_cancel_token, vodkit_cancel_token_free> token_;
};

/// Every getUploadUrl parameter, plus the part size.
struct UploadOptions {
    std::optional<std::string> file_name;
    std::string definitions = "16,1";
    std::string formats;
    bool audio = false;
    uint32_t encrypt = VODKIT_ENCRYPT_DEFAULT;
    std::optional<std::string> watermark;
    uint8_t watermark_pos = 0;
    std::optional<std::string> callback_url;
    bool use_https = false;
    uint64_t part_size = 0;
};

/// Called with each progress snapshot; return false to abort.
using ProgressFn = std::function<bool(const vodkit_progress &)>;

/// A Baijiayun client configuration.
class BaijiayunConfig {
public:
    BaijiayunConfig(const std::string &partner_id, const std::string &partner_key) {
        vodkit_bjy_config *c = nullptr;
        detail::check(vodkit_bjy_config_new(partner_id.c_str(), partner_key.c_str(), &c));
        config_.reset(c);
    }
    static BaijiayunConfig from_json(const std::string &json) {
        vodkit_bjy_config *c = nullptr;
        detail::check(vodkit_bjy_config_from_json(json.c_str(), &c));
        return BaijiayunConfig(c);
    }
    BaijiayunConfig &base_url(const std::string &url) {
        detail::check(vodkit_bjy_config_set_base_url(config_.get(), url.c_str()));
        return *this;
    }
    BaijiayunConfig &private_domain(const std::string &domain) {
        detail::check(vodkit_bjy_config_set_private_domain(config_.get(), domain.c_str()));
        return *this;
    }
    BaijiayunConfig &secret_key(const std::string &key) {
        detail::check(vodkit_bjy_config_set_secret_key(config_.get(), key.c_str()));
        return *this;
    }
    BaijiayunConfig &timeouts(uint64_t connect_ms, uint64_t request_ms, uint64_t upload_part_ms) {
        detail::check(vodkit_bjy_config_set_timeouts(config_.get(), connect_ms, request_ms, upload_part_ms));
        return *this;
    }
    BaijiayunConfig &proxy(const std::string &url) {
        detail::check(vodkit_bjy_config_set_proxy(config_.get(), url.c_str()));
        return *this;
    }
    BaijiayunConfig &user_agent(const std::string &ua) {
        detail::check(vodkit_bjy_config_set_user_agent(config_.get(), ua.c_str()));
        return *this;
    }
    BaijiayunConfig &retries(uint32_t max_retries, uint64_t initial_backoff_ms, uint64_t max_backoff_ms) {
        detail::check(vodkit_bjy_config_set_retries(config_.get(), max_retries, initial_backoff_ms, max_backoff_ms));
        return *this;
    }
    BaijiayunConfig &part_size(uint64_t bytes) {
        detail::check(vodkit_bjy_config_set_part_size(config_.get(), bytes));
        return *this;
    }
    BaijiayunConfig &path_override(const std::string &operation, const std::string &path) {
        detail::check(vodkit_bjy_config_set_path_override(config_.get(), operation.c_str(), path.c_str()));
        return *this;
    }
    const vodkit_bjy_config *get() const noexcept { return config_.get(); }

private:
    explicit BaijiayunConfig(vodkit_bjy_config *c) : config_(c) {}
    detail::Handle<vodkit_bjy_config, vodkit_bjy_config_free> config_;
};

/// A Baijiayun client; safe to share across threads.
class BaijiayunClient {
public:
    explicit BaijiayunClient(const BaijiayunConfig &config) {
        vodkit_bjy_client *c = nullptr;
        detail::check(vodkit_bjy_client_new(config.get(), &c));
        client_.reset(c);
    }

    /// The generic signed call: returns the answer's `data` as JSON.
    std::string call(const std::string &operation, const std::string &params_json = "{}") const {
        char *out = nullptr;
        detail::check(vodkit_bjy_call(client_.get(), operation.c_str(), params_json.c_str(), &out));
        return detail::take(out);
    }
    int64_t status(int64_t video_id) const {
        int64_t s = 0;
        detail::check(vodkit_bjy_get_status(client_.get(), video_id, &s));
        return s;
    }
    std::string info(int64_t video_id) const {
        char *out = nullptr;
        detail::check(vodkit_bjy_get_info(client_.get(), video_id, &out));
        return detail::take(out);
    }
    std::string play_urls(int64_t video_id, const std::optional<std::string> &format = std::nullopt,
                          int64_t expires_in = -1) const {
        char *out = nullptr;
        detail::check(vodkit_bjy_get_play_urls(client_.get(), video_id, format ? format->c_str() : nullptr,
                                               expires_in, &out));
        return detail::take(out);
    }
    std::string player_token(int64_t video_id, int64_t expires_in = 0) const {
        char *out = nullptr;
        detail::check(vodkit_bjy_get_player_token(client_.get(), video_id, expires_in, &out));
        return detail::take(out);
    }
    void remove(int64_t video_id) const { detail::check(vodkit_bjy_delete(client_.get(), video_id)); }

    /// Uploads `path` as a new video; returns its id.
    int64_t upload(const std::string &path, const UploadOptions &options = {}, ProgressFn progress = {},
                   const CancelToken *cancel = nullptr) const {
        return run(-1, path, options, std::move(progress), cancel);
    }
    /// Continues an interrupted upload of `path` to `video_id`.
    int64_t resume_upload(int64_t video_id, const std::string &path, const UploadOptions &options = {},
                          ProgressFn progress = {}, const CancelToken *cancel = nullptr) const {
        return run(video_id, path, options, std::move(progress), cancel);
    }

private:
    struct Trampoline {
        ProgressFn fn;
        std::exception_ptr thrown;
        static int32_t call(void *user_data, const vodkit_progress *p) noexcept {
            auto *self = static_cast<Trampoline *>(user_data);
            try {
                return self->fn(*p) ? VODKIT_CONTINUE : VODKIT_ABORT;
            } catch (...) {
                // Never let an exception unwind through the library's frames.
                self->thrown = std::current_exception();
                return VODKIT_ABORT;
            }
        }
    };

    static detail::Handle<vodkit_bjy_upload_options, vodkit_bjy_upload_options_free> make_options(
        const UploadOptions &o) {
        vodkit_bjy_upload_options *raw = nullptr;
        detail::check(vodkit_bjy_upload_options_new(&raw));
        detail::Handle<vodkit_bjy_upload_options, vodkit_bjy_upload_options_free> h(raw);
        if (o.file_name) detail::check(vodkit_bjy_upload_options_set_file_name(raw, o.file_name->c_str()));
        detail::check(vodkit_bjy_upload_options_set_definitions(raw, o.definitions.c_str()));
        if (!o.formats.empty()) detail::check(vodkit_bjy_upload_options_set_formats(raw, o.formats.c_str()));
        detail::check(vodkit_bjy_upload_options_set_audio(raw, o.audio));
        detail::check(vodkit_bjy_upload_options_set_encrypt(raw, o.encrypt));
        detail::check(vodkit_bjy_upload_options_set_watermark(raw, o.watermark ? o.watermark->c_str() : nullptr,
                                                              o.watermark_pos));
        detail::check(vodkit_bjy_upload_options_set_callback_url(
            raw, o.callback_url ? o.callback_url->c_str() : nullptr));
        detail::check(vodkit_bjy_upload_options_set_use_https(raw, o.use_https));
        detail::check(vodkit_bjy_upload_options_set_part_size(raw, o.part_size));
        return h;
    }

    int64_t run(int64_t resume_id, const std::string &path, const UploadOptions &options, ProgressFn progress,
                const CancelToken *cancel) const {
        auto opts = make_options(options);
        Trampoline t{std::move(progress), nullptr};
        vodkit_progress_fn cb = t.fn ? &Trampoline::call : nullptr;
        const vodkit_cancel_token *token = cancel ? cancel->get() : nullptr;
        char *out = nullptr;
        vodkit_error *e = resume_id < 0
                              ? vodkit_bjy_upload(client_.get(), path.c_str(), opts.get(), cb, &t, token, &out)
                              : vodkit_bjy_resume_upload(client_.get(), resume_id, path.c_str(), opts.get(), cb, &t,
                                                         token, &out);
        if (t.thrown) {
            vodkit_error_free(e);
            vodkit_string_free(out);
            std::rethrow_exception(t.thrown);
        }
        detail::check(e);
        return std::stoll(detail::take(out));
    }

    detail::Handle<vodkit_bjy_client, vodkit_bjy_client_free> client_;
};

/// Verifies Baijiayun's signed callbacks; safe to share across threads.
class CallbackVerifier {
public:
    explicit CallbackVerifier(const std::string &partner_key, uint64_t max_age_secs = 0,
                              bool require_signed_auth = true) {
        vodkit_bjy_verifier *v = nullptr;
        detail::check(vodkit_bjy_verifier_new(partner_key.c_str(), max_age_secs, require_signed_auth, &v));
        verifier_.reset(v);
    }
    /// The verified event as JSON; throws vodkit::Error (VODKIT_ERROR_VERIFICATION) otherwise.
    std::string verify_transcode(const std::string &form_body) const {
        char *out = nullptr;
        detail::check(vodkit_bjy_verify_transcode_body(
            verifier_.get(), reinterpret_cast<const uint8_t *>(form_body.data()), form_body.size(), &out));
        return detail::take(out);
    }
    std::string verify_playback_auth(const std::string &form_body) const {
        char *out = nullptr;
        detail::check(vodkit_bjy_verify_playback_auth_body(
            verifier_.get(), reinterpret_cast<const uint8_t *>(form_body.data()), form_body.size(), &out));
        return detail::take(out);
    }

private:
    detail::Handle<vodkit_bjy_verifier, vodkit_bjy_verifier_free> verifier_;
};

/// Signs parameters by Baijiayun's rule.
inline std::string sign(const std::vector<std::pair<std::string, std::string>> &params,
                        const std::string &partner_key) {
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &kv : params) {
        keys.push_back(kv.first.c_str());
        values.push_back(kv.second.c_str());
    }
    char *out = nullptr;
    detail::check(vodkit_bjy_sign(keys.data(), values.data(), params.size(), partner_key.c_str(), &out));
    return detail::take(out);
}

/// The library version ("MAJOR.MINOR.PATCH").
inline std::string version() { return vodkit_version(); }

}  // namespace vodkit

#endif  // VODKIT_HPP
