#include "platform/tabular/xml_reader.h"

#include <expat.h>

#include <cstring>
#include <memory>

#include "core/input_text.h"
#include "platform/tabular/internal.h"

namespace sinergi::tabular::detail {
namespace {

constexpr char kNamespaceSeparator = '|';

std::string_view local_name(const char* name) {
  const std::string_view full(name);
  const std::size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

struct ParserFreer {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

struct Context {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  bool stopped = false;
  bool doctype = false;
};

void stop(Context& context) {
  if (!context.stopped) {
    context.stopped = true;
    XML_StopParser(context.parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* user_data, const XML_Char* name, const XML_Char** attributes) {
  Context& context = *static_cast<Context*>(user_data);
  if (context.stopped) {
    return;
  }
  context.handler->start_element(local_name(name), attributes);
  if (context.handler->failed()) {
    stop(context);
  }
}

void XMLCALL on_end(void* user_data, const XML_Char* name) {
  Context& context = *static_cast<Context*>(user_data);
  if (context.stopped) {
    return;
  }
  context.handler->end_element(local_name(name));
  if (context.handler->failed()) {
    stop(context);
  }
}

void XMLCALL on_text(void* user_data, const XML_Char* text, int length) {
  Context& context = *static_cast<Context*>(user_data);
  if (context.stopped || length <= 0) {
    return;
  }
  context.handler->character_data(std::string_view(text, static_cast<std::size_t>(length)));
  if (context.handler->failed()) {
    stop(context);
  }
}

void XMLCALL on_doctype(void* user_data, const XML_Char* /*name*/, const XML_Char* /*system_id*/,
                        const XML_Char* /*public_id*/, int /*has_internal_subset*/) {
  Context& context = *static_cast<Context*>(user_data);
  context.doctype = true;
  stop(context);
}

}  // namespace

std::optional<std::string_view> find_attribute(const char** attributes, std::string_view name) {
  for (const char** attribute = attributes; *attribute != nullptr; attribute += 2) {
    if (local_name(attribute[0]) == name) {
      return std::string_view(attribute[1]);
    }
  }
  return std::nullopt;
}

Result<void> parse_xml_entry(ZipArchive& archive, const std::string& entry, XmlHandler& handler) {
  const std::unique_ptr<XML_ParserStruct, ParserFreer> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator));
  if (!parser) {
    return Error(ErrorCode::Internal).with_log_detail("XML_ParserCreateNS failed");
  }
  Context context{parser.get(), &handler};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  bool xml_error = false;
  const auto feed = [&](const char* data, std::size_t size, bool final) {
    if (!context.stopped && !xml_error &&
        XML_Parse(parser.get(), data, static_cast<int>(size), final ? XML_TRUE : XML_FALSE) !=
            XML_STATUS_OK) {
      xml_error = true;
    }
  };
  Result<void> read = archive.read(entry, [&](std::string_view chunk) -> Result<void> {
    feed(chunk.data(), chunk.size(), false);
    if (context.stopped || xml_error) {
      // Stop inflating: the error is reported below.
      return Error(ErrorCode::Internal);
    }
    return success();
  });
  if (read.ok()) {
    feed(nullptr, 0, true);
  }

  const std::string quoted = excerpt_for_message(entry, 80);
  if (context.doctype) {
    return file_error(ErrorCode::UnreadableFile, "'" + quoted + "' berisi DOCTYPE, yang tidak diizinkan",
                      "'" + quoted + "' contains a DOCTYPE, which is not allowed");
  }
  if (handler.failed()) {
    return handler.take_error();
  }
  if (xml_error) {
    const std::string line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
    const char* reason = XML_ErrorString(XML_GetErrorCode(parser.get()));
    return file_error(ErrorCode::UnreadableFile, "'" + quoted + "' bukan XML yang sah (baris " + line + ")",
                      "'" + quoted + "' is not valid XML (line " + line + ": " +
                          std::string(reason != nullptr ? reason : "error") + ")");
  }
  return read;
}

}  // namespace sinergi::tabular::detail
