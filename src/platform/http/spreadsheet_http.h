#pragma once

#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/tabular/import_sheet.h"
#include "platform/tabular/table.h"

// The HTTP side of every spreadsheet import and export (organization, attendance, planning):
// one request shape (the raw file as the body, its Content-Type, X-File-Name percent-encoded,
// ?mode=dry_run|commit) and one answer (the report; a refused commit is a 422 problem with the
// report beside its members), and file downloads named "<stem>-<date>.<csv|xlsx>".

namespace sinergi::http {

struct ImportRequest {
  tabular::ImportMode mode = tabular::ImportMode::dry_run;
  tabular::ImportFile file;  // views into request.body: keep the request alive
};

// The uploaded file's name from X-File-Name (percent-encoded, because browsers send only ASCII
// in headers): at most 255 characters, a longer one shortened in the middle so that its
// extension, which the type checks read, stays.
std::string uploaded_file_name(const Request& request);

// The upload as every file-taking route reads it: the body is the file, with its Content-Type
// and name. Views into request.body: keep the request alive.
tabular::ImportFile uploaded_file(const Request& request);

// Reads ?mode= (dry_run by default) and the file. Fails with InvalidInput for another query
// parameter or mode, and PayloadTooLarge above tabular::kMaxImportBytes.
Result<ImportRequest> import_request(const Request& request);

// 200 with the report (`kind` is the report's "kind" member); a commit that was refused
// (committed false) answers 422 validation_failed with the report under "report".
Response import_response(const tabular::ImportOutcome& outcome, std::string_view kind,
                         const Request& request);

// The sheet as a CSV or XLSX attachment named "<file_stem>-<date>.<extension>". `file_stem`
// must be plain ASCII without quotes (a fixed word of the route).
Result<Response> sheet_download(const tabular::Sheet& sheet, tabular::Format format,
                                std::string_view file_stem, Date date);

}  // namespace sinergi::http
