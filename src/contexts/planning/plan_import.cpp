#include "contexts/planning/plan_import.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "contexts/planning/planning_rules.h"
#include "contexts/planning/planning_support.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "platform/auth/crypto.h"

namespace sinergi::planning {
namespace {

using tabular::ColumnSpec;
using tabular::ImportMode;
using tabular::normalized_header;
using tabular::quote_text;
using tabular::RowView;
using namespace support;  // NOLINT(google-build-using-namespace): this context's own helpers

// ---------------------------------------------------------------------------------------
// Columns

constexpr ColumnSpec kNomenclatureColumns[] = {
    {"code", {"kode", "kode_nomenklatur"}, true},
    {"name", {"nama", "nomenklatur", "uraian"}, true},
    {"performance", {"kinerja"}, false},
    {"indicator", {"indikator"}, false},
    {"unit", {"satuan"}, false},
};

constexpr ColumnSpec kNodeColumns[] = {
    {"kind", {"jenis", "tingkat", "level"}, true},       {"code", {"kode"}, true},
    {"title", {"uraian", "nama", "nomenklatur"}, false}, {"parent_code", {"kode_induk"}, false},
    {"agency_code", {"kode_opd", "opd"}, false},
};

constexpr ColumnSpec kLinkColumns[] = {
    {"from_kind", {"jenis_asal"}, true},
    {"from_code", {"kode_asal"}, true},
    {"from_agency_code", {"kode_opd_asal", "opd_asal"}, false},
    {"to_kind", {"jenis_tujuan", "jenis_acuan"}, true},
    {"to_code", {"kode_tujuan", "kode_acuan"}, true},
    {"to_agency_code", {"kode_opd_tujuan", "opd_tujuan"}, false},
    {"weight", {"bobot"}, false},
};

constexpr ColumnSpec kIndicatorColumns[] = {
    {"node_kind", {"jenis_simpul"}, true},
    {"node_code", {"kode_simpul"}, true},
    {"agency_code", {"kode_opd", "opd"}, false},
    {"code", {"kode", "kode_indikator"}, false},
    {"name", {"nama", "nama_indikator", "indikator"}, true},
    {"unit", {"satuan"}, false},
    {"definition", {"definisi"}, false},
    {"formula_text", {"rumus", "formula"}, false},
    {"polarity", {"polaritas"}, false},
    {"formula_variant", {"varian_rumus", "jenis_rumus"}, false},
    {"aggregation", {"agregasi"}, false},
    {"baseline_year", {"tahun_dasar", "tahun_baseline"}, false},
    {"baseline_value", {"nilai_dasar", "baseline"}, false},
    {"data_source_kind", {"jenis_sumber_data"}, false},
    {"data_source_name", {"sumber_data"}, false},
    {"data_source_reference", {"referensi_data", "rujukan_data"}, false},
    {"responsible_agency_code", {"opd_penanggung_jawab", "penanggung_jawab"}, false},
    {"key_indicator", {"iku"}, false},
    {"spm_service", {"layanan_spm"}, false},
};

constexpr ColumnSpec kTargetColumns[] = {
    {"node_kind", {"jenis_simpul"}, true},
    {"node_code", {"kode_simpul"}, true},
    {"agency_code", {"kode_opd", "opd"}, false},
    {"indicator", {"indikator", "kode_indikator", "nama_indikator"}, true},
    {"year", {"tahun"}, true},
    {"value", {"target", "nilai"}, false},
    {"lower", {"batas_bawah"}, false},
    {"upper", {"batas_atas"}, false},
};

std::span<const ColumnSpec> columns_of(PlanImportKind kind) {
  switch (kind) {
    case PlanImportKind::nomenclature:
      return kNomenclatureColumns;
    case PlanImportKind::nodes:
      return kNodeColumns;
    case PlanImportKind::links:
      return kLinkColumns;
    case PlanImportKind::indicators:
      return kIndicatorColumns;
    case PlanImportKind::targets:
      break;
  }
  return kTargetColumns;
}

std::string_view sheet_name(PlanImportKind kind) {
  switch (kind) {
    case PlanImportKind::nomenclature:
      return "Nomenklatur";
    case PlanImportKind::nodes:
      return "Simpul";
    case PlanImportKind::links:
      return "Keselarasan";
    case PlanImportKind::indicators:
      return "Indikator";
    case PlanImportKind::targets:
      break;
  }
  return "Target";
}

// The file's column a validator's field stands for ("parent_id" is the parent_code cell,
// "data_source.kind" the data_source_kind cell, "targets[0].year" the year cell).
std::string column_of_field(std::string_view field) {
  if (field == "parent_id") {
    return "parent_code";
  }
  if (field == "from_id" || field == "from") {
    return "from_code";
  }
  if (field == "to_id" || field == "to") {
    return "to_code";
  }
  std::string column(field);
  const std::size_t dot = column.rfind('.');
  if (column.rfind("data_source.", 0) == 0) {
    column[dot] = '_';
  } else if (dot != std::string::npos) {
    column = column.substr(dot + 1);
  }
  return column;
}

// ---------------------------------------------------------------------------------------
// Cells

// The API name for a cell written as the name itself or one of its Indonesian spellings
// ("makin tinggi makin baik", "jumlah"); the cell as typed otherwise, so the validator names it.
std::string canonical(std::string_view text,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> aliases) {
  const std::string normalized = normalized_header(text);
  for (const auto& [alias, canonical_name] : aliases) {
    if (normalized == alias) {
      return std::string(canonical_name);
    }
  }
  return std::string(text);
}

std::string canonical_polarity(std::string_view text) {
  return canonical(text, {{"higher_is_better", "higher_is_better"},
                          {"makin_tinggi_makin_baik", "higher_is_better"},
                          {"positif", "higher_is_better"},
                          {"lower_is_better", "lower_is_better"},
                          {"makin_rendah_makin_baik", "lower_is_better"},
                          {"negatif", "lower_is_better"}});
}

std::string canonical_variant(std::string_view text) {
  return canonical(text, {{"ratio", "ratio"},
                          {"rasio", "ratio"},
                          {"mirror", "mirror"},
                          {"cermin", "mirror"},
                          {"inverse", "inverse"},
                          {"invers", "inverse"},
                          {"kebalikan", "inverse"},
                          {"binary", "binary"},
                          {"biner", "binary"}});
}

std::string canonical_aggregation(std::string_view text) {
  return canonical(text, {{"sum", "sum"},
                          {"jumlah", "sum"},
                          {"last", "last"},
                          {"terakhir", "last"},
                          {"average", "average"},
                          {"rata_rata", "average"},
                          {"max", "max"},
                          {"maksimum", "max"},
                          {"min", "min"},
                          {"minimum", "min"}});
}

std::string canonical_source(std::string_view text) {
  return canonical(text, {{"bps", "bps"},
                          {"planning_agency", "planning_agency"},
                          {"bappeda", "planning_agency"},
                          {"bapperida", "planning_agency"},
                          {"sector_system", "sector_system"},
                          {"sistem_sektoral", "sector_system"},
                          {"agency", "agency"},
                          {"opd", "agency"},
                          {"perangkat_daerah", "agency"}});
}

// A kind written as its API name ("region_goal"), its label ("tujuan daerah") or a short
// Indonesian name ("tujuan", "sasaran pd", "subkegiatan").
std::optional<PlanNodeKind> parse_kind_cell(std::string_view text) {
  const std::string normalized = normalized_header(text);
  static constexpr PlanNodeKind kKinds[] = {
      PlanNodeKind::national_priority, PlanNodeKind::region_mission, PlanNodeKind::region_goal,
      PlanNodeKind::region_objective,  PlanNodeKind::agency_goal,    PlanNodeKind::agency_objective,
      PlanNodeKind::program,           PlanNodeKind::activity,       PlanNodeKind::sub_activity};
  for (PlanNodeKind kind : kKinds) {
    if (normalized == name(kind) || normalized == normalized_header(label_id(kind))) {
      return kind;
    }
  }
  static constexpr std::pair<std::string_view, PlanNodeKind> kShort[] = {
      {"asta_cita", PlanNodeKind::national_priority}, {"misi", PlanNodeKind::region_mission},
      {"tujuan", PlanNodeKind::region_goal},          {"sasaran", PlanNodeKind::region_objective},
      {"tujuan_pd", PlanNodeKind::agency_goal},       {"sasaran_pd", PlanNodeKind::agency_objective},
      {"subkegiatan", PlanNodeKind::sub_activity}};
  for (const auto& [alias, kind] : kShort) {
    if (normalized == alias) {
      return kind;
    }
  }
  return std::nullopt;
}

void add_kind_error(std::vector<FieldError>& errors, std::string_view column, std::string_view text) {
  add_field_error(
      errors, column,
      quote_text(text) +
          " bukan jenis simpul: tulis misi, tujuan, sasaran, tujuan_pd, sasaran_pd, program, "
          "kegiatan atau sub_kegiatan (atau nama API-nya, mis. region_goal)",
      quote_text(text) +
          " is not a node kind: write region_mission, region_goal, region_objective, agency_goal, "
          "agency_objective, program, activity or sub_activity");
}

// A whole number; spreadsheets may write a year as "2024.0".
std::optional<std::int64_t> integer_cell(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc()) {
    return std::nullopt;
  }
  const std::string_view rest(stop, static_cast<std::size_t>(end - stop));
  if (!rest.empty() && (rest[0] != '.' || rest.find_first_not_of('0', 1) != std::string_view::npos)) {
    return std::nullopt;
  }
  return value;
}

// "<kind>|<agency id>|<code>": the natural key of a plan node.
std::string node_key(PlanNodeKind kind, const std::optional<AgencyId>& agency, std::string_view code) {
  return std::string(name(kind)) + "|" + (agency ? agency->to_string() : std::string()) + "|" +
         std::string(code);
}

std::string node_key(const NodeRecord& node) {
  return node_key(node.kind, node.agency_id, node.code);
}

std::string describe_node(PlanNodeKind kind, std::string_view code, std::string_view agency_code,
                          bool english) {
  std::string text = std::string(english ? label_en(kind) : label_id(kind)) + " " + std::string(code);
  if (!agency_code.empty()) {
    text += " (" + std::string(agency_code) + ")";
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// One run

struct Run {
  PlanningStore& store;
  RegionId region;
  const auth::Principal& caller;
  const tabular::ImportTable& file;
  PlanImportReport& report;
  tabular::Problems problems;
  bool commit = false;
  Agencies agencies;
  PlanRecord plan;

  bool writing() const { return commit && report.error_count == 0; }

  // Reports `errors` of row `index`, each under the column its field stands for; true when
  // there were any.
  bool report_errors(std::size_t index, const std::vector<FieldError>& errors) {
    for (const FieldError& error : errors) {
      problems.error(file.row_number(index), column_of_field(error.field), error);
    }
    return !errors.empty();
  }

  // The agency a row names in `column`; errors for an unknown code.
  std::optional<AgencyId> agency(std::string_view code, std::string_view column,
                                 std::vector<FieldError>& errors) const {
    const auto found = agencies.by_code.find(std::string(code));
    if (found == agencies.by_code.end()) {
      add_field_error(errors, column, "kode OPD " + quote_text(code) + " tidak terdaftar di wilayah ini",
                      "the agency code " + quote_text(code) + " is not registered in this region");
      return std::nullopt;
    }
    return found->second.id;
  }

  // The caller may change `node`; an error on `column` otherwise.
  bool may_change(const NodeRecord& node, std::string_view column, std::vector<FieldError>& errors) const {
    if (require_node_manager(caller, region, node).ok()) {
      return true;
    }
    const std::string agency = agencies.code_of(node.agency_id).value_or("");
    if (node.agency_id) {
      add_field_error(errors, column, "Anda tidak berwenang mengubah rencana perangkat daerah " + agency,
                      "you may not change the plan of agency " + agency);
    } else {
      add_field_error(errors, column,
                      "hanya perencana daerah yang dapat mengubah " + std::string(label_id(node.kind)),
                      "only the region's planners may change a " + std::string(label_en(node.kind)));
    }
    return false;
  }
};

void add_duplicate_error(std::vector<FieldError>& errors, std::string_view column, std::size_t earlier_row) {
  add_field_error(errors, column,
                  "data yang sama sudah ada di baris " + std::to_string(earlier_row) +
                      " berkas ini; setiap data hanya boleh muncul sekali",
                  "the same record already appears in row " + std::to_string(earlier_row) +
                      " of this file; each record may appear only once");
}

// Plan nodes (and national priorities) by natural key, for rows that name a node by code.
class NodeDirectory {
 public:
  NodeDirectory(std::vector<NodeRecord> nodes, std::vector<NodeRecord> priorities)
      : nodes_(std::move(nodes)), priorities_(std::move(priorities)) {
    for (const auto* list : {&nodes_, &priorities_}) {
      for (const NodeRecord& node : *list) {
        by_key_.emplace(node_key(node), &node);
      }
    }
  }

  // The node the row names in <prefix>kind, <prefix>code and `agency_column`; errors under
  // those columns when it cannot be found.
  const NodeRecord* resolve(const Run& run, const RowView& row, std::string_view kind_column,
                            std::string_view code_column, std::string_view agency_column,
                            std::vector<FieldError>& errors) const {
    const std::string_view kind_text = row.text(kind_column);
    const auto kind = parse_kind_cell(kind_text);
    if (!kind) {
      add_kind_error(errors, kind_column, kind_text);
      return nullptr;
    }
    const std::string code(row.text(code_column));
    if (code.empty()) {
      add_field_error(errors, code_column, "wajib diisi", "is required");
      return nullptr;
    }
    const std::string agency_code(row.text(agency_column));
    std::optional<AgencyId> agency;
    if (is_agency_kind(*kind)) {
      if (agency_code.empty()) {
        add_field_error(errors, agency_column, "wajib diisi untuk " + std::string(label_id(*kind)),
                        "is required for a " + std::string(label_en(*kind)));
        return nullptr;
      }
      agency = run.agency(agency_code, agency_column, errors);
      if (!agency) {
        return nullptr;
      }
    }
    const auto found = by_key_.find(node_key(*kind, agency, code));
    if (found == by_key_.end()) {
      add_field_error(errors, code_column,
                      describe_node(*kind, code, agency_code, false) + " tidak ada dalam rencana ini",
                      "the " + describe_node(*kind, code, agency_code, true) + " is not in this plan");
      return nullptr;
    }
    return found->second;
  }

  const std::vector<NodeRecord>& nodes() const { return nodes_; }
  const std::vector<NodeRecord>& priorities() const { return priorities_; }

 private:
  std::vector<NodeRecord> nodes_;
  std::vector<NodeRecord> priorities_;
  std::unordered_map<std::string, const NodeRecord*> by_key_;
};

// ---------------------------------------------------------------------------------------
// The nomenclature list

bool same_entry(const NomenclatureEntry& left, const NomenclatureEntry& right) {
  return left.level == right.level && left.field_code == right.field_code && left.name == right.name &&
         left.performance == right.performance && left.indicator == right.indicator &&
         left.unit == right.unit;
}

Result<void> import_nomenclature_rows(Run& run) {
  std::vector<NomenclatureEntry> stored = TRY(run.store.nomenclature_entries());
  std::unordered_map<std::string, const NomenclatureEntry*> stored_by_code;
  for (const NomenclatureEntry& entry : stored) {
    stored_by_code.emplace(entry.code, &entry);
  }
  std::unordered_map<std::string, std::size_t> file_rows;  // code -> row number
  for (std::size_t index = 0; index < run.file.row_count(); ++index) {
    file_rows.emplace(std::string(run.file.row(index).text("code")), run.file.row_number(index));
  }
  std::vector<NomenclatureEntry> creates;
  std::vector<NomenclatureEntry> updates;
  std::unordered_set<std::string> seen;
  for (std::size_t index = 0; index < run.file.row_count(); ++index) {
    const RowView row = run.file.row(index);
    std::vector<FieldError> errors;
    Result<NomenclatureCode> parsed = parse_nomenclature_code(row.text("code"));
    if (!parsed.ok()) {
      run.report_errors(index, parsed.error().fields());
      continue;
    }
    const auto existing = stored_by_code.find(parsed->code);
    NomenclatureEntry entry = existing != stored_by_code.end() ? *existing->second : NomenclatureEntry{};
    entry.code = parsed->code;
    entry.level = parsed->level;
    entry.field_code =
        parsed->field_code.empty() ? std::nullopt : std::optional<std::string>(parsed->field_code);
    entry.name = std::string(row.text("name"));
    check_text_field(entry.name, kMaxTitleCharacters, errors, "name");
    for (auto [column, target, limit] : {std::tuple{"performance", &entry.performance, kMaxTitleCharacters},
                                         std::tuple{"indicator", &entry.indicator, kMaxTitleCharacters},
                                         std::tuple{"unit", &entry.unit, kMaxUnitCharacters}}) {
      if (row.has(column)) {
        *target = std::string(row.text(column));
        check_optional_text(*target, limit, column, errors);
      }
    }
    if (!seen.insert(entry.code).second) {
      add_duplicate_error(errors, "code", file_rows.at(entry.code));
    }
    if (run.report_errors(index, errors)) {
      continue;
    }
    if (parsed->parent_code && !stored_by_code.contains(*parsed->parent_code) &&
        !file_rows.contains(*parsed->parent_code)) {
      run.problems.warning(run.file.row_number(index), "code",
                           "induk " + *parsed->parent_code + " belum ada dalam daftar nomenklatur",
                           "the parent " + *parsed->parent_code + " is not in the nomenclature list yet");
    }
    if (existing == stored_by_code.end()) {
      ++run.report.created;
      creates.push_back(std::move(entry));
    } else if (same_entry(entry, *existing->second)) {
      ++run.report.unchanged;
    } else {
      ++run.report.updated;
      updates.push_back(std::move(entry));
    }
  }
  if (!run.writing()) {
    return success();
  }
  TRY(run.store.insert_nomenclature(creates));
  for (const NomenclatureEntry& entry : updates) {
    TRY(run.store.update_nomenclature(entry));
  }
  return success();
}

// ---------------------------------------------------------------------------------------
// Nodes

int kind_order(PlanNodeKind kind) {
  return static_cast<int>(kind);
}

Result<void> import_node_rows(Run& run) {
  const std::vector<NodeRecord> stored = TRY(run.store.plan_nodes(run.region, run.plan.id));
  std::unordered_map<std::string, NomenclatureEntry> nomenclature;
  for (NomenclatureEntry& entry : TRY(run.store.nomenclature_entries())) {
    std::string code = entry.code;
    nomenclature.emplace(std::move(code), std::move(entry));
  }
  // Every node by key: stored ones, then the file's new ones (with temporary negative ids).
  std::unordered_map<std::string, NodeRecord> known;
  for (const NodeRecord& node : stored) {
    known.emplace(node_key(node), node);
  }
  // Parents come before children when rows are taken by level (kind order), whatever the
  // order of the file.
  std::vector<std::size_t> order(run.file.row_count());
  std::vector<std::optional<PlanNodeKind>> kinds(run.file.row_count());
  for (std::size_t index = 0; index < order.size(); ++index) {
    order[index] = index;
    kinds[index] = parse_kind_cell(run.file.row(index).text("kind"));
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
    return kind_order(kinds[left].value_or(PlanNodeKind::national_priority)) <
           kind_order(kinds[right].value_or(PlanNodeKind::national_priority));
  });

  std::unordered_map<std::string, std::size_t> file_rows;  // key -> row number
  std::vector<NodeRecord> creates;
  std::vector<NodeRecord> updates;
  std::int64_t next_temporary = -1;
  for (const std::size_t index : order) {
    const RowView row = run.file.row(index);
    std::vector<FieldError> errors;
    const auto kind = kinds[index];
    if (!kind || *kind == PlanNodeKind::national_priority) {
      add_kind_error(errors, "kind", row.text("kind"));
      run.report_errors(index, errors);
      continue;
    }
    const std::string code(row.text("code"));
    const std::string agency_code(row.text("agency_code"));
    std::optional<AgencyId> agency;
    if (is_agency_kind(*kind)) {
      // The agency names the parent too (every agency has its own program 1.02.02).
      if (agency_code.empty()) {
        add_field_error(errors, "agency_code", "wajib diisi untuk " + std::string(label_id(*kind)),
                        "is required for a " + std::string(label_en(*kind)));
      } else {
        agency = run.agency(agency_code, "agency_code", errors);
      }
      if (!agency) {
        run.report_errors(index, errors);
        continue;
      }
    }
    const ParentRule rule = parent_rule(*kind);
    std::string parent_code(row.text("parent_code"));
    bool parent_known = row.has("parent_code");
    if (parent_code.empty() && rule.kind && is_nomenclature_kind(*kind)) {
      // An activity's program is in its code: 1.02.02.2.01 belongs to 1.02.02.
      if (Result<NomenclatureCode> parsed = parse_nomenclature_code(code);
          parsed.ok() && parsed->parent_code) {
        parent_code = *parsed->parent_code;
        parent_known = true;
      }
    }
    const NodeRecord* parent = nullptr;
    bool parent_unresolved = false;
    if (!parent_code.empty()) {
      if (!rule.kind) {
        add_field_error(
            errors, "parent_code",
            std::string(label_id(*kind)) + " tidak berada di bawah simpul lain; kosongkan kolom ini",
            "a " + std::string(label_en(*kind)) + " has no parent; leave this column empty");
        parent_unresolved = true;
      } else {
        const auto found = known.find(node_key(*rule.kind, agency, parent_code));
        if (found == known.end()) {
          parent_unresolved = true;
          add_field_error(errors, "parent_code",
                          describe_node(*rule.kind, parent_code, agency_code, false) +
                              " tidak ada dalam rencana ini maupun dalam berkas",
                          "the " + describe_node(*rule.kind, parent_code, agency_code, true) +
                              " is neither in this plan nor in the file");
        } else {
          parent = &found->second;
        }
      }
    }
    const std::string key = node_key(*kind, agency, std::string(trim_ascii_whitespace(code)));
    const auto existing = known.find(key);
    // The file's new nodes carry temporary negative ids until they are written.
    const bool stored_node = existing != known.end() && existing->second.id.value() > 0;
    std::string title(row.text("title"));
    if (title.empty() && stored_node && !row.has("title")) {
      title = existing->second.title;
    }
    if (title.empty() && is_nomenclature_kind(*kind)) {
      // The standard name of the code, when the list has it.
      if (const auto entry = nomenclature.find(std::string(trim_ascii_whitespace(code)));
          entry != nomenclature.end()) {
        title = entry->second.name;
      }
    }
    NodeRecord node = build_node(run.plan.id, *kind, parent, parent_unresolved, code, title,
                                 agency_code.empty() ? std::nullopt : std::optional<std::string>(agency_code),
                                 run.agencies, errors);
    if (errors.empty()) {
      run.may_change(node, "agency_code", errors);
    }
    if (const auto earlier = file_rows.find(key); earlier != file_rows.end()) {
      add_duplicate_error(errors, "code", earlier->second);
    } else {
      file_rows.emplace(key, run.file.row_number(index));
    }
    if (run.report_errors(index, errors)) {
      continue;
    }
    if (is_nomenclature_kind(*kind) && !nomenclature.empty() && !nomenclature.contains(node.code)) {
      run.problems.warning(run.file.row_number(index), "code",
                           "kode " + node.code + " tidak ada dalam daftar nomenklatur",
                           "the code " + node.code + " is not in the nomenclature list");
    }
    if (stored_node) {
      NodeRecord changed = existing->second;
      changed.title = node.title;
      if (parent_known) {
        changed.parent_id = node.parent_id;
      }
      if (changed.title == existing->second.title && changed.parent_id == existing->second.parent_id) {
        ++run.report.unchanged;
      } else {
        ++run.report.updated;
        existing->second = changed;
        updates.push_back(std::move(changed));
      }
    } else {
      ++run.report.created;
      node.id = NodeId(next_temporary--);
      known.emplace(key, node);
      creates.push_back(std::move(node));
    }
  }
  if (!run.writing()) {
    return success();
  }
  // New nodes level by level, so each level's parents have their ids.
  std::unordered_map<std::int64_t, NodeId> real_ids;
  auto resolve = [&real_ids](std::optional<NodeId>& id) {
    if (id && id->value() < 0) {
      id = real_ids.at(id->value());
    }
  };
  std::stable_sort(creates.begin(), creates.end(), [](const NodeRecord& left, const NodeRecord& right) {
    return kind_order(left.kind) < kind_order(right.kind);
  });
  for (auto first = creates.begin(); first != creates.end();) {
    const auto last =
        std::find_if(first, creates.end(), [&](const NodeRecord& node) { return node.kind != first->kind; });
    std::vector<NodeRecord> level(first, last);
    for (NodeRecord& node : level) {
      resolve(node.parent_id);
    }
    TRY(run.store.insert_nodes(run.region, level));
    std::unordered_map<std::string, NodeId> ids;
    for (const NodeRecord& node : TRY(run.store.plan_nodes(run.region, run.plan.id))) {
      ids.emplace(node_key(node), node.id);
    }
    for (const NodeRecord& node : level) {
      real_ids.emplace(node.id.value(), ids.at(node_key(node)));
    }
    first = last;
  }
  for (NodeRecord& node : updates) {
    resolve(node.parent_id);
    if (!TRY(run.store.update_node(run.region, node))) {
      return stale_version("Simpul " + node.code, "node " + node.code);
    }
  }
  return success();
}

// ---------------------------------------------------------------------------------------
// Alignment links

Result<void> import_link_rows(Run& run) {
  const NodeDirectory directory(TRY(run.store.plan_nodes(run.region, run.plan.id)),
                                TRY(run.store.national_priorities()));
  const std::vector<LinkRecord> stored = TRY(run.store.plan_links(run.region, run.plan.id));
  std::vector<PlanNode> nodes;
  for (const auto* list : {&directory.priorities(), &directory.nodes()}) {
    for (const NodeRecord& node : *list) {
      nodes.push_back(PlanNode{node.id.value(), node.kind, node.code, node.title});
    }
  }
  std::vector<AlignmentLink> links = plain_links(stored);
  std::map<std::pair<std::int64_t, std::int64_t>, const LinkRecord*> stored_by_nodes;
  for (const LinkRecord& link : stored) {
    stored_by_nodes.emplace(std::pair{link.from.value(), link.to.value()}, &link);
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> file_rows;
  std::vector<LinkRecord> creates;
  std::vector<LinkRecord> updates;
  for (std::size_t index = 0; index < run.file.row_count(); ++index) {
    const RowView row = run.file.row(index);
    std::vector<FieldError> errors;
    const NodeRecord* from =
        directory.resolve(run, row, "from_kind", "from_code", "from_agency_code", errors);
    const NodeRecord* to = directory.resolve(run, row, "to_kind", "to_code", "to_agency_code", errors);
    const std::optional<Decimal> weight = weight_field(row.optional_text("weight"), errors);
    if (from != nullptr && from->kind == PlanNodeKind::national_priority) {
      add_field_error(errors, "from_kind",
                      "prioritas nasional adalah puncak kaskade dan tidak diselaraskan ke apa pun",
                      "a national priority is the top of the cascade and aligns to nothing");
    } else if (from != nullptr) {
      run.may_change(*from, "from_code", errors);
    }
    if (from == nullptr || to == nullptr || !errors.empty()) {
      run.report_errors(index, errors);
      continue;
    }
    const std::pair nodes_key{from->id.value(), to->id.value()};
    if (const auto earlier = file_rows.find(nodes_key); earlier != file_rows.end()) {
      add_duplicate_error(errors, "to_code", earlier->second);
      run.report_errors(index, errors);
      continue;
    }
    file_rows.emplace(nodes_key, run.file.row_number(index));
    if (const auto existing = stored_by_nodes.find(nodes_key); existing != stored_by_nodes.end()) {
      if (!row.has("weight") || existing->second->weight == weight) {
        ++run.report.unchanged;
      } else {
        ++run.report.updated;
        LinkRecord changed = *existing->second;
        changed.weight = weight;
        updates.push_back(changed);
      }
      continue;
    }
    std::vector<FieldError> problems =
        check_new_link(nodes, links, AlignmentLink{from->id.value(), to->id.value(), weight});
    errors.insert(errors.end(), problems.begin(), problems.end());
    if (errors.empty() && from->kind == PlanNodeKind::program && from->agency_id != to->agency_id) {
      const std::string agency = run.agencies.code_of(from->agency_id).value_or("");
      add_field_error(
          errors, "to_code",
          "program hanya dapat diselaraskan ke sasaran perangkat daerahnya sendiri (" + agency + ")",
          "a program aligns only to objectives of its own agency (" + agency + ")");
    }
    if (run.report_errors(index, errors)) {
      continue;
    }
    ++run.report.created;
    links.push_back(AlignmentLink{from->id.value(), to->id.value(), weight});
    creates.push_back(LinkRecord{LinkId(0), run.plan.id, from->id, to->id, weight});
  }
  if (!run.writing()) {
    return success();
  }
  for (const LinkRecord& link : creates) {
    TRY(run.store.insert_link(run.region, link));
  }
  for (const LinkRecord& link : updates) {
    TRY(run.store.update_link_weight(run.region, link.id, link.weight));
  }
  return success();
}

// ---------------------------------------------------------------------------------------
// Indicators

// The indicator as the form would show it, so a file's row may change only some columns.
IndicatorDraft draft_of(const IndicatorRecord& indicator, const Agencies& agencies) {
  IndicatorDraft draft;
  draft.code = indicator.code;
  draft.name = indicator.name;
  draft.unit = indicator.unit;
  draft.definition = indicator.definition;
  draft.formula_text = indicator.formula_text;
  draft.polarity = std::string(name(indicator.polarity));
  draft.formula_variant = std::string(name(indicator.formula_variant));
  draft.aggregation = std::string(name(indicator.aggregation));
  if (indicator.baseline_year) {
    draft.baseline_year = *indicator.baseline_year;
  }
  if (indicator.baseline_value) {
    draft.baseline_value = indicator.baseline_value->to_string();
  }
  if (indicator.data_source_kind) {
    draft.data_source_kind = std::string(name(*indicator.data_source_kind));
  }
  draft.data_source_name = indicator.data_source_name;
  draft.data_source_reference = indicator.data_source_reference;
  draft.responsible_agency_code = agencies.code_of(indicator.responsible_agency_id);
  draft.key_indicator = indicator.key_indicator;
  draft.spm_service = indicator.spm_service;
  return draft;
}

bool same_indicator(const IndicatorRecord& left, const IndicatorRecord& right) {
  return left.code == right.code && left.name == right.name && left.unit == right.unit &&
         left.definition == right.definition && left.formula_text == right.formula_text &&
         left.polarity == right.polarity && left.formula_variant == right.formula_variant &&
         left.aggregation == right.aggregation && left.baseline_year == right.baseline_year &&
         left.baseline_value == right.baseline_value && left.data_source_kind == right.data_source_kind &&
         left.data_source_name == right.data_source_name &&
         left.data_source_reference == right.data_source_reference &&
         left.responsible_agency_id == right.responsible_agency_id &&
         left.key_indicator == right.key_indicator && left.spm_service == right.spm_service;
}

// The indicators of a plan by node, found by code or (case-insensitive) name.
class IndicatorDirectory {
 public:
  explicit IndicatorDirectory(std::vector<IndicatorRecord> indicators) : indicators_(std::move(indicators)) {
    for (IndicatorRecord& indicator : indicators_) {
      by_node_[indicator.node_id.value()].push_back(&indicator);
    }
  }

  IndicatorRecord* find(NodeId node, std::string_view code_or_name) {
    const auto found = by_node_.find(node.value());
    if (found == by_node_.end()) {
      return nullptr;
    }
    const std::string lowered = lower_ascii(code_or_name);
    IndicatorRecord* by_name = nullptr;
    for (IndicatorRecord* indicator : found->second) {
      if (!indicator->code.empty() && indicator->code == code_or_name) {
        return indicator;
      }
      if (by_name == nullptr && lower_ascii(indicator->name) == lowered) {
        by_name = indicator;
      }
    }
    return by_name;
  }

 private:
  std::vector<IndicatorRecord> indicators_;
  std::unordered_map<std::int64_t, std::vector<IndicatorRecord*>> by_node_;
};

void apply_indicator_cells(const RowView& row, IndicatorDraft& draft, std::vector<FieldError>& errors) {
  auto set_text = [&row](std::string_view column, std::string& target) {
    if (row.has(column)) {
      target = std::string(row.text(column));
    }
  };
  auto set_optional = [&row](std::string_view column, std::optional<std::string>& target) {
    if (row.has(column)) {
      target = row.filled_text(column);
    }
  };
  set_text("code", draft.code);
  set_text("name", draft.name);
  set_text("unit", draft.unit);
  set_text("definition", draft.definition);
  set_text("formula_text", draft.formula_text);
  if (row.has("polarity")) {
    draft.polarity = canonical_polarity(row.text("polarity"));
  }
  if (row.has("formula_variant")) {
    draft.formula_variant = canonical_variant(row.text("formula_variant"));
  }
  if (row.has("aggregation")) {
    draft.aggregation = canonical_aggregation(row.text("aggregation"));
  }
  if (row.has("baseline_year")) {
    draft.baseline_year.reset();
    if (const std::string_view text = row.text("baseline_year"); !text.empty()) {
      draft.baseline_year = integer_cell(text);
      if (!draft.baseline_year) {
        add_field_error(errors, "baseline_year", quote_text(text) + " bukan tahun",
                        quote_text(text) + " is not a year");
      }
    }
  }
  set_optional("baseline_value", draft.baseline_value);
  if (row.has("data_source_kind")) {
    draft.data_source_kind = row.filled_text("data_source_kind");
    if (draft.data_source_kind) {
      draft.data_source_kind = canonical_source(*draft.data_source_kind);
    }
  }
  set_text("data_source_name", draft.data_source_name);
  set_text("data_source_reference", draft.data_source_reference);
  set_optional("responsible_agency_code", draft.responsible_agency_code);
  if (row.has("key_indicator")) {
    const auto flag = tabular::parse_flag(row.text("key_indicator"));
    if (!flag) {
      add_field_error(errors, "key_indicator", quote_text(row.text("key_indicator")) + " harus ya atau tidak",
                      quote_text(row.text("key_indicator")) + " must be yes or no");
    }
    draft.key_indicator = flag.value_or(false);
  }
  set_optional("spm_service", draft.spm_service);
}

Result<void> import_indicator_rows(Run& run) {
  const NodeDirectory directory(TRY(run.store.plan_nodes(run.region, run.plan.id)), {});
  IndicatorDirectory indicators(TRY(run.store.plan_indicators(run.region, run.plan.id)));
  std::unordered_map<std::string, std::size_t> file_rows;  // node id | code or name -> row number
  std::vector<IndicatorRecord> creates;
  std::vector<IndicatorRecord> updates;
  for (std::size_t index = 0; index < run.file.row_count(); ++index) {
    const RowView row = run.file.row(index);
    std::vector<FieldError> errors;
    const NodeRecord* node = directory.resolve(run, row, "node_kind", "node_code", "agency_code", errors);
    if (node == nullptr || !run.may_change(*node, "node_code", errors)) {
      run.report_errors(index, errors);
      continue;
    }
    const std::string code(row.text("code"));
    const std::string identity = code.empty() ? std::string(row.text("name")) : code;
    IndicatorRecord* existing = indicators.find(node->id, identity);
    if (existing == nullptr && !code.empty()) {
      existing = indicators.find(node->id, row.text("name"));
    }
    IndicatorDraft draft = existing != nullptr ? draft_of(*existing, run.agencies) : IndicatorDraft{};
    apply_indicator_cells(row, draft, errors);
    IndicatorRecord indicator = build_indicator(draft, *node, run.plan.period, run.agencies, errors);
    const std::string key = node->id.to_string() + "|" + lower_ascii(identity);
    if (const auto earlier = file_rows.find(key); earlier != file_rows.end()) {
      add_duplicate_error(errors, code.empty() ? "name" : "code", earlier->second);
    } else {
      file_rows.emplace(key, run.file.row_number(index));
    }
    if (run.report_errors(index, errors)) {
      continue;
    }
    indicator.plan_id = run.plan.id;
    indicator.node_id = node->id;
    if (existing == nullptr) {
      ++run.report.created;
      creates.push_back(std::move(indicator));
      continue;
    }
    indicator.id = existing->id;
    indicator.version = existing->version;
    indicator.targets = existing->targets;
    if (same_indicator(indicator, *existing)) {
      ++run.report.unchanged;
    } else {
      ++run.report.updated;
      updates.push_back(std::move(indicator));
    }
  }
  if (!run.writing()) {
    return success();
  }
  for (const IndicatorRecord& indicator : creates) {
    TRY(run.store.insert_indicator(run.region, indicator));
  }
  for (const IndicatorRecord& indicator : updates) {
    if (!TRY(run.store.update_indicator(run.region, indicator))) {
      return stale_version("Indikator \"" + indicator.name + "\"", "indicator \"" + indicator.name + "\"");
    }
  }
  return success();
}

// ---------------------------------------------------------------------------------------
// Targets

bool same_target(const Target& left, const Target& right) {
  return left.year == right.year && left.value == right.value && left.lower == right.lower &&
         left.upper == right.upper;
}

Result<void> import_target_rows(Run& run) {
  const NodeDirectory directory(TRY(run.store.plan_nodes(run.region, run.plan.id)), {});
  IndicatorDirectory indicators(TRY(run.store.plan_indicators(run.region, run.plan.id)));
  const bool adopted = run.plan.status == PlanStatus::adopted;
  std::map<std::pair<std::int64_t, int>, std::size_t> file_rows;  // (indicator, year) -> row number
  // The new targets of each changed indicator: stored ones with the file's years replaced.
  std::map<std::int64_t, std::map<int, Target>> changed;
  for (std::size_t index = 0; index < run.file.row_count(); ++index) {
    const RowView row = run.file.row(index);
    std::vector<FieldError> errors;
    const NodeRecord* node = directory.resolve(run, row, "node_kind", "node_code", "agency_code", errors);
    if (node == nullptr || !run.may_change(*node, "node_code", errors)) {
      run.report_errors(index, errors);
      continue;
    }
    const IndicatorRecord* indicator = indicators.find(node->id, row.text("indicator"));
    if (indicator == nullptr) {
      add_field_error(errors, "indicator",
                      "indikator " + quote_text(row.text("indicator")) + " tidak ada pada " +
                          describe_node(node->kind, node->code, "", false),
                      "the indicator " + quote_text(row.text("indicator")) + " is not on the " +
                          describe_node(node->kind, node->code, "", true));
    }
    Target target;
    const auto year = integer_cell(row.text("year"));
    if (!year) {
      add_field_error(errors, "year", quote_text(row.text("year")) + " bukan tahun",
                      quote_text(row.text("year")) + " is not a year");
    } else {
      target.year = static_cast<int>(std::clamp<std::int64_t>(*year, 0, 9999));
    }
    target.value = decimal_field(row.optional_text("value"), "value", errors);
    target.lower = decimal_field(row.optional_text("lower"), "lower", errors);
    target.upper = decimal_field(row.optional_text("upper"), "upper", errors);
    if (errors.empty()) {
      errors = check_target(target, run.plan.period, "");
    }
    if (run.report_errors(index, errors)) {
      continue;
    }
    const std::pair key{indicator->id.value(), target.year};
    if (const auto earlier = file_rows.find(key); earlier != file_rows.end()) {
      add_duplicate_error(errors, "year", earlier->second);
      run.report_errors(index, errors);
      continue;
    }
    file_rows.emplace(key, run.file.row_number(index));
    const auto current = std::find_if(indicator->targets.begin(), indicator->targets.end(),
                                      [&](const Target& stored) { return stored.year == target.year; });
    if (current != indicator->targets.end() && same_target(*current, target)) {
      ++run.report.unchanged;
      continue;
    }
    if (adopted) {
      errors.push_back(FieldError{"value",
                                  "target tahun " + std::to_string(target.year) +
                                      " pada rencana yang sudah ditetapkan hanya dapat diubah melalui revisi",
                                  "the " + std::to_string(target.year) +
                                      " target of an adopted plan changes only through a revision"});
      run.report_errors(index, errors);
      continue;
    }
    ++(current == indicator->targets.end() ? run.report.created : run.report.updated);
    auto& years = changed[indicator->id.value()];
    if (years.empty()) {
      for (const Target& stored : indicator->targets) {
        years.emplace(stored.year, stored);
      }
    }
    years[target.year] = target;
  }
  if (!run.writing()) {
    return success();
  }
  for (const auto& [indicator, years] : changed) {
    std::vector<Target> targets;
    for (const auto& [year, target] : years) {
      targets.push_back(target);
    }
    TRY(run.store.replace_targets(run.region, IndicatorId(indicator), targets));
  }
  return success();
}

Result<void> import_rows(PlanImportKind kind, Run& run) {
  switch (kind) {
    case PlanImportKind::nomenclature:
      return import_nomenclature_rows(run);
    case PlanImportKind::nodes:
      return import_node_rows(run);
    case PlanImportKind::links:
      return import_link_rows(run);
    case PlanImportKind::indicators:
      return import_indicator_rows(run);
    case PlanImportKind::targets:
      break;
  }
  return import_target_rows(run);
}

// Reads the file and runs the kind's rows in one transaction (read-only for a dry run).
// `prepare` loads what the rows need (the plan, the agencies) inside that transaction.
Result<PlanImportReport> run_import(PlanningRepository& repository, const auth::Principal& caller,
                                    RegionId region, PlanImportKind kind, ImportMode mode,
                                    const tabular::ImportFile& file, const CallContext& context,
                                    const Agencies& agencies, const std::optional<PlanId>& plan) {
  PlanImportReport report;
  report.kind = kind;
  report.mode = mode;
  const tabular::ImportTable table = TRY(tabular::read_import_table(file, columns_of(kind), report));
  if (report.error_count > 0) {
    tabular::sort_problems(report);
    return report;
  }
  const bool commit = mode == ImportMode::commit;
  const PlanImportReport initial = report;
  auto work = [&](PlanningStore& store) -> Result<void> {
    report = initial;
    Run run{store, region, caller, table, report, tabular::Problems(report), commit, agencies, {}};
    if (plan) {
      run.plan = TRY(find_plan(store, region, *plan));
    }
    TRY(import_rows(kind, run));
    if (!run.writing()) {
      return success();
    }
    std::vector<audit::FieldChange> changes = {
        {"kind", nullptr, std::string(name(kind))},
        {"file_name", nullptr, excerpt_for_message(file.file_name, 255)},
        {"file_size", nullptr, static_cast<std::int64_t>(file.bytes.size())},
        {"sha256", nullptr, auth::sha256_hex(file.bytes)},
        {"format", nullptr, std::string(tabular::format_name(table.format))},
        {"rows", nullptr, report.rows},
        {"created", nullptr, report.created},
        {"updated", nullptr, report.updated},
        {"unchanged", nullptr, report.unchanged},
    };
    if (plan) {
      TRY(store.touch_plan(region, *plan));
      TRY(store.append_audit(event(caller, region, "plan_import.commit", "plan", plan->to_string(),
                                   std::move(changes), context)));
    } else {
      TRY(store.append_audit(event(caller, region, "nomenclature_import.commit", "nomenclature", "national",
                                   std::move(changes), context)));
    }
    return success();
  };
  TRY(commit ? repository.write(work) : repository.read(work));
  report.committed = commit && report.error_count == 0;
  tabular::sort_problems(report);
  return report;
}

}  // namespace

std::string_view name(PlanImportKind kind) {
  switch (kind) {
    case PlanImportKind::nomenclature:
      return "nomenclature";
    case PlanImportKind::nodes:
      return "nodes";
    case PlanImportKind::links:
      return "links";
    case PlanImportKind::indicators:
      return "indicators";
    case PlanImportKind::targets:
      break;
  }
  return "targets";
}

std::optional<PlanImportKind> parse_plan_import_kind(std::string_view text) {
  for (PlanImportKind kind : kPlanImportKinds) {
    if (name(kind) == text) {
      return kind;
    }
  }
  return std::nullopt;
}

PlanImporter::PlanImporter(PlanningRepository& repository, const Clock& clock, AgencyDirectory agencies)
    : repository_(repository), clock_(clock), agencies_(std::move(agencies)) {}

Date PlanImporter::today() const {
  return local_date(clock_.now(), kOffsetWita);
}

Result<PlanImportReport> PlanImporter::import_plan(const auth::Principal& caller, PlanId plan,
                                                   PlanImportKind kind, ImportMode mode,
                                                   const tabular::ImportFile& file,
                                                   const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  if (kind == PlanImportKind::nomenclature) {
    return Error(ErrorCode::NotFound, {"Jenis impor"});
  }
  if (!auth::may_take_on(caller, auth::Action::planning_manage, {.region_id = region.value()}) &&
      !auth::may_take(caller, auth::Action::planning_agency_manage)) {
    return Error(ErrorCode::Forbidden);
  }
  const Agencies agencies = TRY(load_agencies(agencies_, region));
  return run_import(repository_, caller, region, kind, mode, file, context, agencies, plan);
}

Result<PlanImportReport> PlanImporter::import_nomenclature(const auth::Principal& caller, ImportMode mode,
                                                           const tabular::ImportFile& file,
                                                           const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  TRY(require_action(caller, auth::Action::nomenclature_manage, region));
  return run_import(repository_, caller, region, PlanImportKind::nomenclature, mode, file, context,
                    Agencies{}, std::nullopt);
}

tabular::Sheet PlanImporter::template_sheet(PlanImportKind kind) {
  return tabular::template_of(sheet_name(kind), columns_of(kind));
}

}  // namespace sinergi::planning
