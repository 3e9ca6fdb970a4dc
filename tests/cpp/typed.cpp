// The typed methods generated from the catalog (vodkit_baijiayun.hpp):
// a few against the emulator (typed arguments, optional ones, a file, a
// keyword-named operation, string escaping), and a check that every
// operation `operations()` lists has its generated method.
#include "vodkit_baijiayun.hpp"
#include "vodkit_baijiayun.hpp"

#include <cstring>
#include <fstream>
#include <set>

#include "common.hpp"
#include "json.h"

std::string sign_in_second_unit();

/// Every operation of the catalog has a generated method, and nothing else does.
static void check_every_operation_has_a_method(const vodkit::Baijiayun &client) {
    const std::string text = client.operations();
    json *ops = json_parse(text.c_str());
    CHECK(ops != nullptr && ops->type == JSON_ARRAY);
    std::set<std::string> listed;
    for (const json *op = ops->child; op != nullptr; op = op->next) {
        const char *name = json_get_string(op, "name");
        const char *function = json_get_string(op, "function");
        CHECK(name != nullptr && function != nullptr);
        listed.insert(name);
        const vodkit::OperationMethod *found = nullptr;
        for (const auto &m : vodkit::Baijiayun::operation_methods) {
            if (std::strcmp(m.name, name) == 0) found = &m;
        }
        if (found == nullptr) {
            std::cerr << "no generated method for " << name << std::endl;
            std::exit(1);
        }
        CHECK(std::strcmp(found->function, function) == 0);
        // The method is the function's name, with `_` appended to a C++ keyword.
        CHECK(std::strncmp(found->method, function, std::strlen(function)) == 0);
    }
    CHECK(listed.size() == json_length(ops));
    CHECK(listed.size() == vodkit::Baijiayun::operation_methods.size());
    json_free(ops);
}

int main(int argc, char **argv) {
    CHECK(argc >= 2);
    const std::string path = argv[1];
    {
        std::ofstream f(path, std::ios::binary);
        for (int i = 0; i < 100 * 1024; i++) f.put(static_cast<char>(i * 31));
    }
    const std::string vtt = path + ".vtt";
    {
        std::ofstream f(vtt);
        f << "WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n";
    }
    CHECK(std::string(vodkit::Baijiayun::provider_name) == "baijiayun");
    {
        const vodkit::Baijiayun client(emulator_config(2));
        CHECK(client.provider() == "baijiayun");
        check_every_operation_has_a_method(client);

        // No parameters; a required string.
        CHECK(client.set_transcode_callback_url("http://127.0.0.1:9/typed") ==
              "{\"url\":\"http://127.0.0.1:9/typed\"}");
        CHECK(client.get_transcode_callback_url().find("/typed") != std::string::npos);

        // The generic upload is inherited.
        const int64_t id = int_member(client.upload(path), "video_id");
        CHECK(id > 0);
        const int64_t status = int_member(client.get_status(id), "status");
        CHECK(status == 20 || status == 100);

        // Optional parameters, and a string that needs escaping on its way into JSON.
        const std::string name = "名字 \"quoted\" back\\slash\nline\ttab";
        client.update(id, name);
        CHECK(client.get_info(id).find(vodkit::json::quote(name)) != std::string::npos);
        CHECK(client.get_video_list(std::nullopt, 10).find("\"total\":") != std::string::npos);
        CHECK(int_member(client.get_video_list(1, 5), "page_size") == 5);
        CHECK(client.get_player_token(id, 60).find("\"token\":") != std::string::npos);

        // An operation that sends a file: the path comes first.
        const std::string uploaded = client.upload_subtitle(vtt, id, "en");
        const int64_t subtitle_id = int_member(uploaded, "subtitle_id");
        CHECK(client.get_subtitle_list(id).find("\"en\"") != std::string::npos);
        client.delete_subtitle(subtitle_id);

        // The typed model still checks what C++ can't: a missing file, an unknown video.
        try {
            client.upload_subtitle(path + ".missing.vtt", id, "en");
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT);
        }

        // `delete` is a C++ keyword: the method is delete_.
        client.delete_(id);
        try {
            client.get_status(id);
            CHECK(false);
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT && !e.provider_code().empty());
        }

        // Arrays of objects go as JSON text, one vodkit::Json per element.
        try {
            client.create_notice({vodkit::Json("{\"content\":\"hi\"}")});
        } catch (const vodkit::Error &e) {
            CHECK(e.code() == VODKIT_ERROR_INVALID_INPUT || e.code() == VODKIT_ERROR_PROVIDER);
        }
    }
    CHECK(vodkit::live_objects() == 0);
    std::cout << "typed ok" << std::endl;
    return 0;
}
