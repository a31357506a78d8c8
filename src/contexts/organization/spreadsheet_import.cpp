#include "contexts/organization/spreadsheet_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <unordered_map>
#include <utility>

#include "contexts/organization/organization_validation.h"
#include "contexts/organization/position_state.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "core/nip.h"
#include "platform/audit/audit_log.h"
#include "platform/auth/crypto.h"
#include "platform/auth/permissions.h"

namespace sinergi::organization {
namespace {

using tabular::ColumnSpec;
using tabular::Layout;
using tabular::parse_flag;
using tabular::quote_text;
using tabular::RowView;

// ---------------------------------------------------------------------------------------
// Columns

constexpr ColumnSpec kAgencyColumns[] = {
    {"code", {"kode", "kode_opd"}, true},
    {"short_name", {"singkatan", "nama_singkat"}, true},
    {"name", {"nama", "nama_opd"}, true},
    {"kind", {"jenis", "jenis_opd"}, true},
    {"cluster", {"asisten"}, false},
    {"active_from", {"berlaku_mulai", "aktif_sejak"}, false},
    {"active_until", {"berlaku_sampai", "aktif_sampai"}, false},
};

constexpr ColumnSpec kUnitColumns[] = {
    {"agency_code", {"kode_opd"}, true},     {"code", {"kode", "kode_unit"}, true},
    {"parent_code", {"kode_induk"}, false},  {"name", {"nama", "nama_unit"}, true},
    {"kind", {"jenis", "jenis_unit"}, true},
};

constexpr ColumnSpec kPositionColumns[] = {
    {"agency_code", {"kode_opd"}, true},      {"code", {"kode", "kode_jabatan"}, true},
    {"unit_code", {"kode_unit"}, false},      {"title", {"nama_jabatan", "jabatan"}, true},
    {"level", {"eselon", "jenjang"}, true},   {"is_agency_head", {"kepala_opd"}, false},
    {"is_unit_head", {"kepala_unit"}, false}, {"established_on", {"tanggal_dibentuk"}, true},
};

constexpr ColumnSpec kPersonColumns[] = {
    {"nip", {}, true},
    {"name", {"nama"}, true},
    {"rank_grade", {"pangkat_golongan", "pangkat", "golongan"}, false},
    {"employment_status", {"status", "status_kepegawaian"}, true},
    {"agency_code", {"kode_opd"}, false},
};

constexpr ColumnSpec kAssignmentColumns[] = {
    {"nip", {}, true},
    {"agency_code", {"kode_opd"}, true},
    {"position_code", {"kode_jabatan"}, true},
    {"kind", {"jenis"}, true},
    {"starts_on", {"tmt", "tanggal_mulai"}, true},
    {"ends_on", {"tanggal_selesai"}, false},
    {"decree_number", {"nomor_sk", "no_sk"}, false},
    {"note", {"catatan", "keterangan"}, false},
};

constexpr ColumnSpec kAttendanceColumns[] = {
    {"nip", {}, true},
    {"day", {"tanggal"}, true},
    {"status", {"keterangan"}, true},
    {"late_minutes", {"terlambat_menit", "terlambat"}, false},
};

std::span<const ColumnSpec> columns_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::agencies:
      return kAgencyColumns;
    case ImportKind::units:
      return kUnitColumns;
    case ImportKind::positions:
      return kPositionColumns;
    case ImportKind::people:
      return kPersonColumns;
    case ImportKind::assignments:
      return kAssignmentColumns;
    case ImportKind::attendance:
      break;
  }
  return kAttendanceColumns;
}

// The sheet name of a template.
std::string_view sheet_name(ImportKind kind) {
  switch (kind) {
    case ImportKind::agencies:
      return "OPD";
    case ImportKind::units:
      return "Unit Kerja";
    case ImportKind::positions:
      return "Jabatan";
    case ImportKind::people:
      return "Pegawai";
    case ImportKind::assignments:
      return "Penugasan";
    case ImportKind::attendance:
      break;
  }
  return "Presensi";
}

// ---------------------------------------------------------------------------------------
// Problems

// The file's column that a validator's field stands for.
std::string column_of_field(std::string_view field) {
  if (field == "person_id") {
    return "nip";
  }
  if (field == "position_id") {
    return "position_code";
  }
  if (field == "unit_id") {
    return "unit_code";
  }
  if (field == "parent_id") {
    return "parent_code";
  }
  if (field == "agency_id") {
    return "agency_code";
  }
  return std::string(field);
}

// The shared collector, with the organization's field names mapped to its columns.
class Problems : public tabular::Problems {
 public:
  using tabular::Problems::error;
  using tabular::Problems::Problems;

  void error(std::size_t row, const FieldError& field, std::string_view suffix_id = {},
             std::string_view suffix_en = {}) {
    error(row, column_of_field(field.field), field.message_id + std::string(suffix_id),
          field.message_en + std::string(suffix_en));
  }
  // Reports `errors`; true when there were any.
  bool errors(std::size_t row, const std::vector<FieldError>& errors) {
    for (const FieldError& field : errors) {
      error(row, field);
    }
    return !errors.empty();
  }
};

bool has_error_on(const std::vector<FieldError>& errors, std::string_view field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& error) { return error.field == field; });
}

void add_duplicate_error(std::vector<FieldError>& errors, std::string_view field, std::size_t earlier_row,
                         const std::string& key_id, const std::string& key_en) {
  add_field_error(errors, field,
                  fmt::format("{} sudah ada di baris {} berkas ini; setiap data hanya boleh muncul sekali",
                              key_id, earlier_row),
                  fmt::format("{} already appears in row {} of this file; each record may appear only once",
                              key_en, earlier_row));
}

void add_unknown_agency_error(std::vector<FieldError>& errors, std::string_view code) {
  add_field_error(errors, "agency_code", "kode OPD " + quote_text(code) + " tidak terdaftar di wilayah ini",
                  "the agency code " + quote_text(code) + " is not registered in this region");
}

std::optional<bool> check_flag(std::string_view text, std::vector<FieldError>& errors,
                               std::string_view field) {
  auto flag = parse_flag(text);
  if (!flag) {
    add_field_error(errors, field, quote_text(text) + " harus ya atau tidak (1/0, true/false)",
                    quote_text(text) + " must be yes or no (1/0, true/false)");
  }
  return flag;
}

// ---------------------------------------------------------------------------------------
// One run

struct ImportContext {
  OrganizationStore& store;
  RegionId region;
  const tabular::Table& table;
  const Layout& layout;
  Problems& problems;
  ImportReport& report;
  bool write = false;  // a commit: write when no row has an error
  Date today;

  std::size_t row_count() const { return table.rows.size(); }
  RowView row(std::size_t index) const { return RowView(table.rows[index], layout); }
  std::size_t row_number(std::size_t index) const { return table.row_numbers[index]; }
  bool writing() const { return write && problems.error_count() == 0; }
};

std::unordered_map<std::string, AgencyRecord> agencies_by_code(std::vector<AgencyRecord> agencies) {
  std::unordered_map<std::string, AgencyRecord> by_code;
  by_code.reserve(agencies.size());
  for (AgencyRecord& agency : agencies) {
    std::string code = agency.code;
    by_code.emplace(std::move(code), std::move(agency));
  }
  return by_code;
}

// "<agency id>/<code>": the natural key of a unit or position.
std::string agency_key(AgencyId agency, std::string_view code) {
  return agency.to_string() + "/" + std::string(code);
}

// The agency a row names in `field`, reporting a missing or unknown code.
const AgencyRecord* resolve_agency(const std::unordered_map<std::string, AgencyRecord>& agencies,
                                   std::string_view code, std::vector<FieldError>& errors) {
  if (code.empty()) {
    add_field_error(errors, "agency_code", "wajib diisi", "is required");
    return nullptr;
  }
  const auto found = agencies.find(std::string(code));
  if (found == agencies.end()) {
    add_unknown_agency_error(errors, code);
    return nullptr;
  }
  return &found->second;
}

// --- Agencies ---

bool same_agency(const AgencyRecord& left, const AgencyRecord& right) {
  return left.short_name == right.short_name && left.name == right.name && left.kind == right.kind &&
         left.cluster == right.cluster && left.active_from == right.active_from &&
         left.active_until == right.active_until;
}

Result<void> import_agencies(ImportContext& context) {
  std::vector<AgencyRecord> stored = TRY(context.store.agencies(context.region));
  std::unordered_map<std::string, std::size_t> stored_by_code;
  for (std::size_t index = 0; index < stored.size(); ++index) {
    stored_by_code.emplace(stored[index].code, index);
  }
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<AgencyRecord> inserts;
  std::vector<AgencyRecord> updates;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    AgencyDraft draft;
    draft.code = row.text("code");
    draft.short_name = row.text("short_name");
    draft.name = row.text("name");
    draft.kind = row.text("kind");
    draft.cluster = row.optional_text("cluster");
    draft.active_from = row.optional_text("active_from");
    draft.active_until = row.optional_text("active_until");
    std::vector<FieldError> errors;
    AgencyRecord agency = validate_agency(draft, errors);
    if (!has_error_on(errors, "code")) {
      const auto [earlier, fresh] = seen.try_emplace(agency.code, number);
      if (!fresh) {
        add_duplicate_error(errors, "code", earlier->second, "kode " + quote_text(agency.code),
                            "the code " + quote_text(agency.code));
      }
    }
    const auto found = stored_by_code.find(agency.code);
    if (errors.empty() && found != stored_by_code.end()) {
      const AgencyRecord& before = stored[found->second];
      AgencyRecord merged = before;
      merged.short_name = agency.short_name;
      merged.name = agency.name;
      merged.kind = agency.kind;
      if (row.has("cluster")) {
        merged.cluster = agency.cluster;
      }
      if (row.has("active_from")) {
        merged.active_from = agency.active_from;
      }
      if (row.has("active_until")) {
        merged.active_until = agency.active_until;
      }
      if (merged.active_from && merged.active_until && *merged.active_until < *merged.active_from) {
        add_field_error(errors, "active_until", "tanggal berakhir sebelum tanggal mulai berlaku",
                        "the end date is before the start date");
      } else if (same_agency(merged, before)) {
        ++context.report.unchanged;
      } else {
        ++context.report.updated;
        updates.push_back(std::move(merged));
      }
    } else if (errors.empty()) {
      ++context.report.created;
      inserts.push_back(std::move(agency));
    }
    context.problems.errors(number, errors);
  }
  if (!context.writing()) {
    return success();
  }
  for (const AgencyRecord& agency : inserts) {
    TRY(context.store.insert_agency(context.region, agency));
  }
  for (const AgencyRecord& agency : updates) {
    if (!TRY(context.store.update_agency(context.region, agency))) {
      return Error(ErrorCode::Conflict, {"OPD " + agency.code});
    }
  }
  return success();
}

// --- Units ---

struct FileUnit {
  std::size_t number = 0;  // row number
  std::size_t node = 0;    // index in the node list (stored units first)
  UnitRecord unit;         // validated; id set when stored
  bool sets_parent = false;
  std::string parent_code;
};

Result<void> import_units(ImportContext& context) {
  const auto agencies = agencies_by_code(TRY(context.store.agencies(context.region)));
  std::vector<UnitRecord> stored = TRY(context.store.units(context.region, std::nullopt));
  // Nodes: every stored unit, then every unit the file adds; parents by node index.
  std::unordered_map<std::string, std::size_t> node_by_key;
  std::unordered_map<std::int64_t, std::size_t> node_by_id;
  for (std::size_t index = 0; index < stored.size(); ++index) {
    node_by_key.emplace(agency_key(stored[index].agency_id, stored[index].code), index);
    node_by_id.emplace(stored[index].id.value(), index);
  }
  std::vector<std::optional<std::size_t>> parent_of(stored.size());
  for (std::size_t index = 0; index < stored.size(); ++index) {
    if (stored[index].parent_id) {
      const auto parent = node_by_id.find(stored[index].parent_id->value());
      if (parent != node_by_id.end()) {
        parent_of[index] = parent->second;
      }
    }
  }

  std::unordered_map<std::string, std::size_t> seen;
  std::vector<FileUnit> rows;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    std::vector<FieldError> errors;
    const AgencyRecord* agency = resolve_agency(agencies, row.text("agency_code"), errors);
    UnitDraft draft;
    draft.agency_code = row.text("agency_code");
    draft.code = row.text("code");
    draft.name = row.text("name");
    draft.kind = row.text("kind");
    UnitRecord unit = validate_unit(draft, errors);
    FileUnit file_unit;
    file_unit.number = number;
    file_unit.sets_parent = row.has("parent_code");
    file_unit.parent_code = row.text("parent_code");
    if (!file_unit.parent_code.empty()) {
      check_code(file_unit.parent_code, errors, "parent_code");
      if (file_unit.parent_code == unit.code) {
        add_field_error(errors, "parent_code", "unit kerja tidak dapat menjadi induk dirinya sendiri",
                        "a unit cannot be its own parent");
      }
    }
    if (agency != nullptr && !has_error_on(errors, "code")) {
      unit.agency_id = agency->id;
      const std::string key = agency_key(agency->id, unit.code);
      const auto [earlier, fresh] = seen.try_emplace(key, number);
      if (!fresh) {
        add_duplicate_error(errors, "code", earlier->second,
                            "unit " + quote_text(unit.code) + " OPD " + agency->code,
                            "the unit " + quote_text(unit.code) + " of " + agency->code);
      }
    }
    if (context.problems.errors(number, errors)) {
      continue;
    }
    const std::string key = agency_key(unit.agency_id, unit.code);
    if (const auto found = node_by_key.find(key); found != node_by_key.end()) {
      file_unit.node = found->second;
      unit.id = stored[found->second].id;
    } else {
      file_unit.node = parent_of.size();
      parent_of.emplace_back();
      node_by_key.emplace(key, file_unit.node);
    }
    file_unit.unit = std::move(unit);
    rows.push_back(std::move(file_unit));
  }

  // Parents: a unit of the same agency, stored or added by this file (in any row).
  std::vector<bool> parent_ok(rows.size(), true);
  for (std::size_t index = 0; index < rows.size(); ++index) {
    FileUnit& row = rows[index];
    if (!row.sets_parent) {
      continue;
    }
    if (row.parent_code.empty()) {
      parent_of[row.node] = std::nullopt;
      continue;
    }
    const auto parent = node_by_key.find(agency_key(row.unit.agency_id, row.parent_code));
    if (parent == node_by_key.end()) {
      context.problems.error(
          row.number, "parent_code",
          "unit kerja induk " + quote_text(row.parent_code) + " tidak ada di OPD ini maupun di berkas ini",
          "the parent unit " + quote_text(row.parent_code) +
              " exists neither in this agency nor in this file");
      parent_ok[index] = false;
      continue;
    }
    parent_of[row.node] = parent->second;
  }
  // No unit may become its own ancestor.
  const std::size_t node_count = parent_of.size();
  for (std::size_t index = 0; index < rows.size(); ++index) {
    if (!parent_ok[index] || !rows[index].sets_parent) {
      continue;
    }
    std::optional<std::size_t> ancestor = parent_of[rows[index].node];
    for (std::size_t step = 0; ancestor && step <= node_count; ++step) {
      if (*ancestor == rows[index].node) {
        context.problems.error(
            rows[index].number, "parent_code",
            "induk " + quote_text(rows[index].parent_code) +
                " membuat unit kerja ini menjadi leluhur dirinya sendiri",
            "the parent " + quote_text(rows[index].parent_code) + " would make this unit its own ancestor");
        parent_ok[index] = false;
        break;
      }
      ancestor = parent_of[*ancestor];
    }
  }

  // Classify, and keep what has to be written.
  std::vector<std::size_t> new_rows;  // indexes into rows
  std::vector<std::size_t> changed_rows;
  std::vector<std::optional<std::size_t>> row_of_new_node(node_count);
  for (std::size_t index = 0; index < rows.size(); ++index) {
    if (!parent_ok[index]) {
      continue;
    }
    const FileUnit& row = rows[index];
    if (row.node >= stored.size()) {
      ++context.report.created;
      new_rows.push_back(index);
      row_of_new_node[row.node] = index;
      continue;
    }
    const UnitRecord& before = stored[row.node];
    std::optional<std::size_t> stored_parent;
    if (before.parent_id) {
      if (const auto parent = node_by_id.find(before.parent_id->value()); parent != node_by_id.end()) {
        stored_parent = parent->second;
      }
    }
    if (before.name == row.unit.name && before.kind == row.unit.kind &&
        stored_parent == parent_of[row.node]) {
      ++context.report.unchanged;
    } else {
      ++context.report.updated;
      changed_rows.push_back(index);
    }
  }
  if (!context.writing()) {
    return success();
  }

  // New units parents first, so every parent id is known when its child is inserted.
  std::vector<std::optional<UnitId>> new_ids(node_count);
  std::function<Result<UnitId>(std::size_t)> id_of = [&](std::size_t node) -> Result<UnitId> {
    if (node < stored.size()) {
      return stored[node].id;
    }
    if (new_ids[node]) {
      return *new_ids[node];
    }
    UnitRecord unit = rows[*row_of_new_node[node]].unit;
    unit.parent_id.reset();
    if (parent_of[node]) {
      unit.parent_id = TRY(id_of(*parent_of[node]));
    }
    const UnitRecord inserted = TRY(context.store.insert_unit(context.region, unit));
    new_ids[node] = inserted.id;
    return inserted.id;
  };
  for (std::size_t index : new_rows) {
    TRY(id_of(rows[index].node));
  }
  for (std::size_t index : changed_rows) {
    const FileUnit& row = rows[index];
    UnitRecord merged = stored[row.node];
    merged.name = row.unit.name;
    merged.kind = row.unit.kind;
    merged.parent_id.reset();
    if (parent_of[row.node]) {
      merged.parent_id = TRY(id_of(*parent_of[row.node]));
    }
    if (!TRY(context.store.update_unit(context.region, merged))) {
      return Error(ErrorCode::Conflict, {"unit kerja " + merged.code});
    }
  }
  return success();
}

// --- Positions ---

bool same_position(const PositionRecord& left, const PositionRecord& right) {
  return left.unit_id == right.unit_id && left.title == right.title && left.level == right.level &&
         left.is_agency_head == right.is_agency_head && left.is_unit_head == right.is_unit_head &&
         left.established_on == right.established_on;
}

Result<void> import_positions(ImportContext& context) {
  const auto agencies = agencies_by_code(TRY(context.store.agencies(context.region)));
  std::unordered_map<std::string, UnitId> units;
  for (const UnitRecord& unit : TRY(context.store.units(context.region, std::nullopt))) {
    units.emplace(agency_key(unit.agency_id, unit.code), unit.id);
  }
  std::vector<PositionRecord> stored = TRY(context.store.positions(context.region, std::nullopt));
  std::unordered_map<std::string, std::size_t> stored_by_key;
  for (std::size_t index = 0; index < stored.size(); ++index) {
    stored_by_key.emplace(agency_key(stored[index].agency_id, stored[index].code), index);
  }

  // One head-of-agency post per agency, as the form enforces: agency id -> the head's code.
  std::unordered_map<std::int64_t, std::string> head_post;
  for (const PositionRecord& position : stored) {
    if (position.is_agency_head && position.active) {
      head_post.emplace(position.agency_id.value(), position.code);
    }
  }

  std::unordered_map<std::string, std::size_t> seen;
  std::vector<PositionRecord> inserts;
  std::vector<PositionRecord> updates;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    std::vector<FieldError> errors;
    const AgencyRecord* agency = resolve_agency(agencies, row.text("agency_code"), errors);
    PositionDraft draft;
    draft.agency_code = row.text("agency_code");
    draft.code = row.text("code");
    draft.title = row.text("title");
    draft.level = row.text("level");
    draft.established_on = row.text("established_on");
    draft.is_agency_head = check_flag(row.text("is_agency_head"), errors, "is_agency_head").value_or(false);
    draft.is_unit_head = check_flag(row.text("is_unit_head"), errors, "is_unit_head").value_or(false);
    PositionRecord position = validate_position(draft, errors);
    const std::string_view unit_code = row.text("unit_code");
    if (agency != nullptr) {
      position.agency_id = agency->id;
      if (!unit_code.empty()) {
        const auto unit = units.find(agency_key(agency->id, unit_code));
        if (unit == units.end()) {
          add_field_error(errors, "unit_code",
                          "unit kerja " + quote_text(unit_code) + " tidak ada di OPD " + agency->code,
                          "the unit " + quote_text(unit_code) + " does not exist in " + agency->code);
        } else {
          position.unit_id = unit->second;
        }
      }
      if (!has_error_on(errors, "code")) {
        const auto [earlier, fresh] = seen.try_emplace(agency_key(agency->id, position.code), number);
        if (!fresh) {
          add_duplicate_error(errors, "code", earlier->second,
                              "jabatan " + quote_text(position.code) + " OPD " + agency->code,
                              "the position " + quote_text(position.code) + " of " + agency->code);
        }
      }
      if (errors.empty()) {
        const auto stored_row = stored_by_key.find(agency_key(agency->id, position.code));
        const bool head = row.has("is_agency_head")           ? position.is_agency_head
                          : stored_row != stored_by_key.end() ? stored[stored_row->second].is_agency_head
                                                              : false;
        const auto current = head_post.find(agency->id.value());
        if (head && current != head_post.end() && current->second != position.code) {
          add_field_error(
              errors, "is_agency_head",
              "OPD " + agency->code + " sudah memiliki jabatan kepala " + quote_text(current->second),
              agency->code + " already has the head-of-agency post " + quote_text(current->second));
        } else if (head) {
          head_post[agency->id.value()] = position.code;
        } else if (current != head_post.end() && current->second == position.code) {
          head_post.erase(current);
        }
      }
    }
    if (context.problems.errors(number, errors)) {
      continue;
    }
    const auto found = stored_by_key.find(agency_key(position.agency_id, position.code));
    if (found == stored_by_key.end()) {
      ++context.report.created;
      inserts.push_back(std::move(position));
      continue;
    }
    const PositionRecord& before = stored[found->second];
    PositionRecord merged = before;
    merged.title = position.title;
    merged.level = position.level;
    merged.established_on = position.established_on;
    if (row.has("unit_code")) {
      merged.unit_id = position.unit_id;
    }
    if (row.has("is_agency_head")) {
      merged.is_agency_head = position.is_agency_head;
    }
    if (row.has("is_unit_head")) {
      merged.is_unit_head = position.is_unit_head;
    }
    if (same_position(merged, before)) {
      ++context.report.unchanged;
    } else {
      ++context.report.updated;
      updates.push_back(std::move(merged));
    }
  }
  if (!context.writing()) {
    return success();
  }
  for (const PositionRecord& position : inserts) {
    TRY(context.store.insert_position(context.region, position));
  }
  for (const PositionRecord& position : updates) {
    if (!TRY(context.store.update_position(context.region, position))) {
      return Error(ErrorCode::Conflict, {"jabatan " + position.code});
    }
  }
  return success();
}

// --- People ---

Result<std::vector<PersonRecord>> all_people(OrganizationStore& store, RegionId region) {
  PersonQuery query;
  query.sort = PersonSort::nip;
  query.limit = 0;
  PersonPage page = TRY(store.search_people(region, query));
  return std::move(page.items);
}

bool same_person(const PersonRecord& left, const PersonRecord& right) {
  return left.name == right.name && left.rank_grade == right.rank_grade &&
         left.employment_status == right.employment_status && left.agency_id == right.agency_id;
}

Result<void> import_people(ImportContext& context) {
  const auto agencies = agencies_by_code(TRY(context.store.agencies(context.region)));
  std::vector<PersonRecord> stored = TRY(all_people(context.store, context.region));
  std::unordered_map<std::string, std::size_t> stored_by_nip;
  stored_by_nip.reserve(stored.size());
  for (std::size_t index = 0; index < stored.size(); ++index) {
    stored_by_nip.emplace(stored[index].nip, index);
  }

  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(context.row_count());
  std::vector<PersonRecord> inserts;
  std::vector<PersonRecord> updates;
  const bool has_agency = context.layout.find("agency_code").has_value();
  const bool has_rank = context.layout.find("rank_grade").has_value();
  std::vector<FieldError> errors;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    errors.clear();
    PersonDraft draft;
    draft.nip = row.text("nip");
    draft.name = row.text("name");
    draft.rank_grade = row.text("rank_grade");
    draft.employment_status = row.text("employment_status");
    PersonRecord person = validate_person(draft, errors);
    if (const std::string_view code = row.text("agency_code"); !code.empty()) {
      const auto agency = agencies.find(std::string(code));
      if (agency == agencies.end()) {
        add_unknown_agency_error(errors, code);
      } else {
        person.agency_id = agency->second.id;
      }
    }
    if (!has_error_on(errors, "nip")) {
      const auto [earlier, fresh] = seen.try_emplace(person.nip, number);
      if (!fresh) {
        add_duplicate_error(errors, "nip", earlier->second, "NIP " + person.nip, "the NIP " + person.nip);
      }
    }
    if (context.problems.errors(number, errors)) {
      continue;
    }
    const auto found = stored_by_nip.find(person.nip);
    if (found == stored_by_nip.end()) {
      ++context.report.created;
      inserts.push_back(std::move(person));
      continue;
    }
    const PersonRecord& before = stored[found->second];
    PersonRecord merged = before;
    merged.name = std::move(person.name);
    merged.employment_status = person.employment_status;
    if (has_rank) {
      merged.rank_grade = std::move(person.rank_grade);
    }
    if (has_agency) {
      merged.agency_id = person.agency_id;
    }
    if (same_person(merged, before)) {
      ++context.report.unchanged;
    } else {
      ++context.report.updated;
      updates.push_back(std::move(merged));
    }
  }
  if (!context.writing()) {
    return success();
  }
  TRY(context.store.insert_people(context.region, inserts));
  TRY(context.store.update_people(context.region, updates));
  return success();
}

// The stored person a row's NIP names, reporting a malformed or unknown NIP.
const PersonRecord* resolve_person(const std::vector<PersonRecord>& people,
                                   const std::unordered_map<std::string, std::size_t>& by_nip,
                                   std::string_view nip, std::vector<FieldError>& errors) {
  if (nip.empty()) {
    add_field_error(errors, "nip", "wajib diisi", "is required");
    return nullptr;
  }
  const auto found = by_nip.find(std::string(nip));
  if (found != by_nip.end()) {
    return &people[found->second];
  }
  std::vector<FieldError> malformed;
  check_nip(nip, malformed);
  if (!malformed.empty()) {
    errors.insert(errors.end(), malformed.begin(), malformed.end());
  } else {
    add_field_error(errors, "nip", "tidak ada pegawai dengan NIP " + std::string(nip) + " di wilayah ini",
                    "no person with the NIP " + std::string(nip) + " is registered in this region");
  }
  return nullptr;
}

std::unordered_map<std::string, std::size_t> index_by_nip(const std::vector<PersonRecord>& people) {
  std::unordered_map<std::string, std::size_t> by_nip;
  by_nip.reserve(people.size());
  for (std::size_t index = 0; index < people.size(); ++index) {
    by_nip.emplace(people[index].nip, index);
  }
  return by_nip;
}

// --- Assignments ---

// A key of an assignment: person, position, kind, start.
std::string assignment_key(PersonId person, PositionId position, AssignmentKind kind, Date starts_on) {
  return fmt::format("{}/{}/{}/{}", person.value(), position.value(), static_cast<int>(kind),
                     starts_on.time_since_epoch().count());
}

// An assignment the overlap rules compare with, and the file row that brought it (0:
// stored).
struct KnownAssignment {
  ExistingAssignment existing;
  std::size_t row = 0;
};

Result<void> import_assignments(ImportContext& context) {
  const auto agencies = agencies_by_code(TRY(context.store.agencies(context.region)));
  const std::vector<PersonRecord> people = TRY(all_people(context.store, context.region));
  const auto people_by_nip = index_by_nip(people);
  std::unordered_map<std::int64_t, std::size_t> people_by_id;
  people_by_id.reserve(people.size());
  for (std::size_t index = 0; index < people.size(); ++index) {
    people_by_id.emplace(people[index].id.value(), index);
  }
  const std::vector<PositionRecord> positions = TRY(context.store.positions(context.region, std::nullopt));
  std::unordered_map<std::string, std::size_t> positions_by_key;
  std::unordered_map<std::int64_t, std::size_t> positions_by_id;
  for (std::size_t index = 0; index < positions.size(); ++index) {
    positions_by_key.emplace(agency_key(positions[index].agency_id, positions[index].code), index);
    positions_by_id.emplace(positions[index].id.value(), index);
  }
  auto person_name = [&](std::int64_t id) -> std::string {
    const auto found = people_by_id.find(id);
    return found == people_by_id.end() ? std::string() : people[found->second].name;
  };
  auto position_title = [&](std::int64_t id) -> std::string {
    const auto found = positions_by_id.find(id);
    return found == positions_by_id.end() ? std::string() : positions[found->second].title;
  };

  // Stored assignments by key, and as the overlap rules see them, by position and person.
  std::vector<AssignmentRecord> stored = TRY(context.store.assignments(context.region, AssignmentFilter{}));
  std::unordered_map<std::string, std::size_t> stored_by_key;
  stored_by_key.reserve(stored.size());
  std::unordered_map<std::int64_t, std::vector<ExistingAssignment>> stored_by_position;
  std::unordered_map<std::int64_t, std::vector<ExistingAssignment>> stored_by_person;
  auto existing_of = [&](const AssignmentRecord& assignment, std::int64_t id) {
    ExistingAssignment existing;
    existing.span = AssignmentSpan{id, assignment.person_id.value(), assignment.kind, assignment.starts_on,
                                   assignment.ends_on};
    existing.position_id = assignment.position_id.value();
    existing.position_title = position_title(assignment.position_id.value());
    existing.person_name = person_name(assignment.person_id.value());
    return existing;
  };
  for (std::size_t index = 0; index < stored.size(); ++index) {
    const AssignmentRecord& assignment = stored[index];
    stored_by_key.emplace(
        assignment_key(assignment.person_id, assignment.position_id, assignment.kind, assignment.starts_on),
        index);
    ExistingAssignment existing = existing_of(assignment, assignment.id.value());
    stored_by_position[assignment.position_id.value()].push_back(existing);
    stored_by_person[assignment.person_id.value()].push_back(std::move(existing));
  }
  // Earlier rows of the file, as the overlap rules see them (ids are negative).
  std::vector<KnownAssignment> file_rows;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> file_by_position;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> file_by_person;
  const std::vector<ExistingAssignment> none;

  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(context.row_count());
  std::vector<AssignmentRecord> inserts;
  std::vector<AssignmentRecord> updates;
  std::vector<FieldError> errors;
  std::vector<std::size_t> nearby;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    errors.clear();
    const PersonRecord* person = resolve_person(people, people_by_nip, row.text("nip"), errors);
    const AgencyRecord* agency = resolve_agency(agencies, row.text("agency_code"), errors);
    const PositionRecord* position = nullptr;
    const std::string_view position_code = row.text("position_code");
    if (position_code.empty()) {
      add_field_error(errors, "position_code", "wajib diisi", "is required");
    } else if (agency != nullptr) {
      const auto found = positions_by_key.find(agency_key(agency->id, position_code));
      if (found == positions_by_key.end()) {
        add_field_error(errors, "position_code",
                        "jabatan " + quote_text(position_code) + " tidak ada di OPD " + agency->code,
                        "the position " + quote_text(position_code) + " does not exist in " + agency->code);
      } else {
        position = &positions[found->second];
      }
    }
    AssignmentDraft draft;
    draft.person_id = person != nullptr ? person->id.value() : 0;
    draft.position_id = position != nullptr ? position->id.value() : 0;
    draft.kind = row.text("kind");
    draft.starts_on = row.text("starts_on");
    draft.ends_on = row.optional_text("ends_on");
    draft.decree_number = row.text("decree_number");
    draft.note = row.text("note");
    AssignmentRecord assignment = validate_assignment(draft, errors);
    if (!errors.empty()) {
      context.problems.errors(number, errors);
      continue;
    }
    const std::string key =
        assignment_key(assignment.person_id, assignment.position_id, assignment.kind, assignment.starts_on);
    if (const auto [earlier, fresh] = seen.try_emplace(key, number); !fresh) {
      add_duplicate_error(
          errors, "starts_on", earlier->second,
          fmt::format("penugasan {} NIP {} pada jabatan {} mulai {}", label_id(assignment.kind), person->nip,
                      position->code, format_iso_date(assignment.starts_on)),
          fmt::format("the {} assignment of NIP {} to {} from {}", name(assignment.kind), person->nip,
                      position->code, format_iso_date(assignment.starts_on)));
      context.problems.errors(number, errors);
      continue;
    }

    AssignmentCandidate candidate;
    candidate.person_id = assignment.person_id.value();
    candidate.position_id = assignment.position_id.value();
    candidate.kind = assignment.kind;
    candidate.starts_on = assignment.starts_on;
    candidate.ends_on = assignment.ends_on;
    const AssignmentRecord* before = nullptr;
    AssignmentRecord merged = assignment;
    if (const auto found = stored_by_key.find(key); found != stored_by_key.end()) {
      before = &stored[found->second];
      merged = *before;
      if (row.has("ends_on")) {
        merged.ends_on = assignment.ends_on;
      }
      if (row.has("decree_number")) {
        merged.decree_number = assignment.decree_number;
      }
      if (row.has("note")) {
        merged.note = assignment.note;
      }
      if (merged.ends_on == before->ends_on && merged.decree_number == before->decree_number &&
          merged.note == before->note) {
        ++context.report.unchanged;
        continue;
      }
      candidate.id = before->id.value();
      candidate.ends_on = merged.ends_on;
    }

    // The overlap rules: against what is stored, then against each earlier row of the
    // file that shares the position or the person, naming that row.
    const auto& same_position = stored_by_position.contains(candidate.position_id)
                                    ? stored_by_position.at(candidate.position_id)
                                    : none;
    const auto& same_person =
        stored_by_person.contains(candidate.person_id) ? stored_by_person.at(candidate.person_id) : none;
    errors = check_assignment(candidate, same_position, same_person);
    nearby.clear();
    if (const auto found = file_by_position.find(candidate.position_id); found != file_by_position.end()) {
      nearby.insert(nearby.end(), found->second.begin(), found->second.end());
    }
    if (const auto found = file_by_person.find(candidate.person_id); found != file_by_person.end()) {
      nearby.insert(nearby.end(), found->second.begin(), found->second.end());
    }
    std::sort(nearby.begin(), nearby.end());
    nearby.erase(std::unique(nearby.begin(), nearby.end()), nearby.end());
    bool failed = context.problems.errors(number, errors);
    for (std::size_t earlier : nearby) {
      const KnownAssignment& known = file_rows[earlier];
      const std::span<const ExistingAssignment> one(&known.existing, 1);
      const auto found = check_assignment(
          candidate,
          known.existing.position_id == candidate.position_id ? one : std::span<const ExistingAssignment>(),
          known.existing.span.person_id == candidate.person_id ? one : std::span<const ExistingAssignment>());
      for (const FieldError& error : found) {
        context.problems.error(number, error, fmt::format(" (baris {} berkas ini)", known.row),
                               fmt::format(" (row {} of this file)", known.row));
        failed = true;
      }
    }
    if (failed) {
      continue;
    }

    if (before != nullptr) {
      ++context.report.updated;
      // Later rows are checked against the new period.
      for (auto* list :
           {&stored_by_position[candidate.position_id], &stored_by_person[candidate.person_id]}) {
        for (ExistingAssignment& existing : *list) {
          if (existing.span.id == before->id.value()) {
            existing.span.ends_on = merged.ends_on;
          }
        }
      }
      updates.push_back(std::move(merged));
      continue;
    }
    ++context.report.created;
    const std::size_t file_index = file_rows.size();
    file_rows.push_back(
        KnownAssignment{existing_of(assignment, -static_cast<std::int64_t>(file_index) - 1), number});
    file_by_position[candidate.position_id].push_back(file_index);
    file_by_person[candidate.person_id].push_back(file_index);
    inserts.push_back(std::move(assignment));
  }
  if (!context.writing()) {
    return success();
  }
  TRY(context.store.insert_assignments(context.region, inserts));
  for (const AssignmentRecord& assignment : updates) {
    if (!TRY(context.store.update_assignment(context.region, assignment))) {
      return Error(ErrorCode::Conflict, {"penugasan " + assignment.id.to_string()});
    }
  }
  return success();
}

// --- Attendance ---

constexpr int kMaxLateMinutes = 24 * 60;

std::optional<int> check_late_minutes(std::string_view text, std::vector<FieldError>& errors) {
  if (text.empty()) {
    return 0;
  }
  int minutes = -1;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), minutes);
  if (failure != std::errc() || end != text.data() + text.size() || minutes < 0 ||
      minutes > kMaxLateMinutes) {
    add_field_error(
        errors, "late_minutes",
        quote_text(text) + " harus bilangan bulat 0 sampai " + std::to_string(kMaxLateMinutes),
        quote_text(text) + " must be a whole number from 0 to " + std::to_string(kMaxLateMinutes));
    return std::nullopt;
  }
  return minutes;
}

std::string attendance_key(PersonId person, Date day) {
  return std::to_string(person.value()) + "/" + std::to_string(day.time_since_epoch().count());
}

Result<void> import_attendance(ImportContext& context) {
  const std::vector<PersonRecord> people = TRY(all_people(context.store, context.region));
  const auto people_by_nip = index_by_nip(people);

  struct Parsed {
    std::size_t number = 0;
    AttendanceRecord record;
  };
  std::vector<Parsed> parsed;
  parsed.reserve(context.row_count());
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(context.row_count());
  std::optional<Date> first;
  std::optional<Date> last;
  std::vector<FieldError> errors;
  for (std::size_t index = 0; index < context.row_count(); ++index) {
    const RowView row = context.row(index);
    const std::size_t number = context.row_number(index);
    errors.clear();
    const PersonRecord* person = resolve_person(people, people_by_nip, row.text("nip"), errors);
    const auto day = check_date(row.text("day"), true, errors, "day");
    if (day && *day > context.today) {
      add_field_error(errors, "day",
                      "tanggal " + format_iso_date(*day) + " belum terjadi (hari ini " +
                          format_iso_date(context.today) + ")",
                      "the day " + format_iso_date(*day) + " is in the future (today is " +
                          format_iso_date(context.today) + ")");
    }
    const std::string_view status_text = row.text("status");
    const auto status = parse_attendance_status(status_text);
    if (!status) {
      if (status_text.empty()) {
        add_field_error(errors, "status", "wajib diisi", "is required");
      } else {
        add_field_error(errors, "status",
                        quote_text(status_text) +
                            " tidak dikenal; pilih salah satu: H (hadir), C (cuti/izin), "
                            "S (sakit), DL (dinas luar), TK (tanpa keterangan)",
                        quote_text(status_text) +
                            " is not known; choose one of: H (present), C (leave), S (sick), "
                            "DL (official travel), TK (unexcused absence)");
      }
    }
    const auto late_minutes = check_late_minutes(row.text("late_minutes"), errors);
    if (person != nullptr && day && errors.empty()) {
      const auto [earlier, fresh] = seen.try_emplace(attendance_key(person->id, *day), number);
      if (!fresh) {
        add_duplicate_error(errors, "day", earlier->second,
                            "presensi NIP " + person->nip + " tanggal " + format_iso_date(*day),
                            "the attendance of NIP " + person->nip + " on " + format_iso_date(*day));
      }
    }
    if (context.problems.errors(number, errors)) {
      continue;
    }
    Parsed row_record;
    row_record.number = number;
    row_record.record.person_id = person->id;
    row_record.record.agency_id = person->agency_id;
    row_record.record.day = *day;
    row_record.record.status = *status;
    row_record.record.late_minutes = *late_minutes;
    first = first ? std::min(*first, *day) : *day;
    last = last ? std::max(*last, *day) : *day;
    parsed.push_back(row_record);
  }
  if (!first) {
    return success();
  }

  std::vector<AttendanceRecord> stored = TRY(context.store.attendance_between(context.region, *first, *last));
  std::unordered_map<std::string, std::size_t> stored_by_key;
  stored_by_key.reserve(stored.size());
  for (std::size_t index = 0; index < stored.size(); ++index) {
    stored_by_key.emplace(attendance_key(stored[index].person_id, stored[index].day), index);
  }
  const bool has_late_minutes = context.layout.find("late_minutes").has_value();
  std::vector<AttendanceRecord> inserts;
  std::vector<AttendanceRecord> updates;
  for (Parsed& row : parsed) {
    const auto found = stored_by_key.find(attendance_key(row.record.person_id, row.record.day));
    if (found == stored_by_key.end()) {
      ++context.report.created;
      inserts.push_back(row.record);
      continue;
    }
    const AttendanceRecord& before = stored[found->second];
    if (!has_late_minutes) {
      row.record.late_minutes = before.late_minutes;
    }
    if (before.status == row.record.status && before.late_minutes == row.record.late_minutes) {
      ++context.report.unchanged;
    } else {
      ++context.report.updated;
      updates.push_back(row.record);
    }
  }
  if (!context.writing()) {
    return success();
  }
  TRY(context.store.insert_attendance(context.region, inserts));
  TRY(context.store.update_attendance(context.region, updates));
  return success();
}

Result<void> import_rows(ImportKind kind, ImportContext& context) {
  switch (kind) {
    case ImportKind::agencies:
      return import_agencies(context);
    case ImportKind::units:
      return import_units(context);
    case ImportKind::positions:
      return import_positions(context);
    case ImportKind::people:
      return import_people(context);
    case ImportKind::assignments:
      return import_assignments(context);
    case ImportKind::attendance:
      break;
  }
  return import_attendance(context);
}

}  // namespace

std::string_view name(ImportKind kind) {
  switch (kind) {
    case ImportKind::agencies:
      return "agencies";
    case ImportKind::units:
      return "units";
    case ImportKind::positions:
      return "positions";
    case ImportKind::people:
      return "people";
    case ImportKind::assignments:
      return "assignments";
    case ImportKind::attendance:
      break;
  }
  return "attendance";
}

std::optional<ImportKind> parse_import_kind(std::string_view text) {
  for (ImportKind kind : kImportKinds) {
    if (name(kind) == text) {
      return kind;
    }
  }
  return std::nullopt;
}

SpreadsheetImporter::SpreadsheetImporter(OrganizationRepository& repository, const Clock& clock,
                                         OrganizationOptions options)
    : repository_(repository), clock_(clock), options_(options) {}

Date SpreadsheetImporter::today() const {
  return local_date(clock_.now(), options_.utc_offset);
}

Result<ImportReport> SpreadsheetImporter::run(const auth::Principal& caller, ImportKind kind, ImportMode mode,
                                              const ImportFile& file, const CallContext& context) {
  const auth::Action action =
      kind == ImportKind::attendance ? auth::Action::attendance_import : auth::Action::organization_manage;
  if (!caller.region_id ||
      !auth::may_take_on(caller, action, auth::ResourceScope{.region_id = caller.region_id})) {
    return Error(ErrorCode::Forbidden);
  }
  const RegionId region(*caller.region_id);

  ImportReport report;
  report.kind = kind;
  report.mode = mode;
  const tabular::ImportTable read = TRY(tabular::read_import_table(file, columns_of(kind), report));
  const tabular::Table& table = read.table;
  const tabular::Layout& layout = read.layout;
  const tabular::Format format = read.format;
  Problems problems(report);
  if (problems.error_count() > 0) {
    tabular::sort_problems(report);
    return report;
  }

  const bool commit = mode == ImportMode::commit;
  const ImportReport initial = report;
  const Date today_date = today();
  auto work = [&](OrganizationStore& store) -> Result<void> {
    report = initial;
    ImportContext import_context{store, region, table, layout, problems, report, commit, today_date};
    TRY(import_rows(kind, import_context));
    if (!import_context.writing()) {
      return success();
    }
    const bool attendance = kind == ImportKind::attendance;
    std::vector<audit::FieldChange> changes = {
        {"file_name", nullptr, excerpt_for_message(file.file_name, 255)},
        {"file_size", nullptr, static_cast<std::int64_t>(file.bytes.size())},
        {"sha256", nullptr, auth::sha256_hex(file.bytes)},
        {"format", nullptr, std::string(tabular::format_name(format))},
        {"rows", nullptr, report.rows},
        {"created", nullptr, report.created},
        {"updated", nullptr, report.updated},
        {"unchanged", nullptr, report.unchanged},
    };
    const std::string entity_type = attendance ? "attendance_import" : "organization_import";
    TRY(store.append_audit(audit::event_for(audit::actor_of(caller), region.value(), entity_type + ".commit",
                                            entity_type, std::string(name(kind)), std::move(changes),
                                            context)));
    return success();
  };
  TRY(commit ? repository_.write(work) : repository_.read(work));
  report.committed = commit && report.error_count == 0;
  tabular::sort_problems(report);
  return report;
}

Result<tabular::Sheet> SpreadsheetImporter::template_sheet(ImportKind kind) const {
  return tabular::template_of(sheet_name(kind), columns_of(kind));
}

}  // namespace sinergi::organization
