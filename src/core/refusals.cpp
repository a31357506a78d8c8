#include "core/refusals.h"

namespace sinergi {

Result<void> validation_result(std::vector<FieldError> errors) {
  if (errors.empty()) {
    return success();
  }
  return Error::with_fields(ErrorCode::ValidationFailed, std::move(errors));
}

Error stale_version(std::string_view what_id, std::string_view what_en) {
  return Error::with_fields(
      ErrorCode::Conflict,
      {FieldError{
          "version", std::string(what_id) + " telah diubah orang lain; muat ulang lalu ulangi perubahan Anda",
          "the " + std::string(what_en) + " was changed by someone else; reload and repeat your change"}},
      {std::string(what_id) + " telah diubah orang lain"});
}

Error not_found(std::string_view what_id) {
  return Error(ErrorCode::NotFound, {std::string(what_id)});
}

Error conflict(std::string field, std::string message_id, std::string message_en) {
  std::string argument = message_id;
  return Error::with_fields(ErrorCode::Conflict,
                            {FieldError{std::move(field), std::move(message_id), std::move(message_en)}},
                            {std::move(argument)});
}

}  // namespace sinergi
