#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

// The refusals every context's service gives, worded once: a failed validation with its field
// errors, a record someone else changed first, a missing record, and a conflict with the
// stored state explained in both languages.

namespace sinergi {

// Success when `errors` is empty, else ValidationFailed carrying them.
Result<void> validation_result(std::vector<FieldError> errors);
// Conflict on "version": `what` (Indonesian, English) was changed by someone else.
Error stale_version(std::string_view what_id, std::string_view what_en);
// NotFound naming `what_id` ("Rencana 7").
Error not_found(std::string_view what_id);
// Conflict with one field error in both languages (409).
Error conflict(std::string field, std::string message_id, std::string message_en);

}  // namespace sinergi
