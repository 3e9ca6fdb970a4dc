// A second translation unit including the headers: the inline functions,
// classes and constexpr tables must not clash at link time.
#include "vodkit.hpp"
#include "vodkit_baijiayun.hpp"
#include "vodkit_iqiyi.hpp"

std::string sign_in_second_unit() {
    return vodkit::baijiayun_sign({{"title", "测试教室"},
                                   {"type", "2"},
                                   {"timestamp", "1501572288"},
                                   {"start_time", "1501575608"},
                                   {"partner_id", "12345678"},
                                   {"end_time", "1501579208"}},
                                  "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg==");
}

std::size_t operation_count_in_second_unit() { return vodkit::Baijiayun::operation_methods.size(); }

std::size_t iqiyi_operation_count_in_second_unit() { return vodkit::Iqiyi::operation_methods.size(); }
