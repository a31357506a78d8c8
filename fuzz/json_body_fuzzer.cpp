// Feeds arbitrary bytes to the JSON body path every handler uses: parse_json_body, then
// field validation and serialisation of whatever parsed. Nothing may crash, hang or
// throw; errors must come back as values.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "platform/http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sinergi::http::Request request;
  request.method = sinergi::http::Method::post;
  request.headers.set("Content-Type", "application/json; charset=utf-8");
  request.body.assign(reinterpret_cast<const char*>(data), size);

  auto parsed = sinergi::http::parse_json_body(request);
  if (!parsed.ok()) {
    // Rendering the error exercises the message templates with the error's arguments.
    (void)parsed.error().message(sinergi::Locale::english);
    return 0;
  }
  const nlohmann::json& body = parsed.value();
  sinergi::http::JsonFields fields(body);
  (void)fields.required_string("name", 200);
  (void)fields.optional_string("description", 1000);
  (void)fields.required_integer("target", -1000000, 1000000);
  (void)fields.optional_integer("weight", 0, 100);
  (void)fields.optional_boolean("active");
  (void)fields.required_boolean("draft");
  auto finished = fields.finish();
  if (!finished.ok()) {
    (void)finished.error().fields().size();
  }
  std::string text = sinergi::http::to_json_text(body);
  // What we serialise must parse back to the same value.
  if (nlohmann::json::parse(text) != body) {
    __builtin_trap();
  }
  return 0;
}
