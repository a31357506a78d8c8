#include "contexts/planning/planning_export.h"

#include <unordered_map>

namespace sinergi::planning {
namespace {

std::string target_text(const Target& target) {
  if (target.value) {
    return target.value->format(Locale::indonesian);
  }
  return (target.lower ? target.lower->format(Locale::indonesian) : std::string()) + " - " +
         (target.upper ? target.upper->format(Locale::indonesian) : std::string());
}

std::string_view data_source_label(const std::optional<DataSourceKind>& kind) {
  if (!kind) {
    return "";
  }
  switch (*kind) {
    case DataSourceKind::bps:
      return "BPS";
    case DataSourceKind::planning_agency:
      return "Bapperida";
    case DataSourceKind::sector_system:
      return "sistem sektoral";
    case DataSourceKind::agency:
      return "perangkat daerah";
  }
  return "";
}

}  // namespace

tabular::Sheet cascade_sheet(const Cascade& cascade) {
  tabular::Sheet sheet;
  sheet.name = "Kaskade";
  const PlanPeriod period = cascade.plan.period;
  sheet.header = {"tingkat",     "kode",       "uraian",         "opd",       "kode_induk",
                  "selaras_ke",  "bobot",      "kode_indikator", "indikator", "satuan",
                  "polaritas",   "rumus",      "agregasi",       "iku",       "layanan_spm",
                  "tahun_dasar", "nilai_dasar"};
  for (int year = period.first_year; year <= period.last_year; ++year) {
    sheet.header.push_back("target_" + std::to_string(year));
  }
  sheet.header.insert(sheet.header.end(),
                      {"sumber_data", "nama_sumber", "referensi_sumber", "opd_penanggung_jawab"});

  std::unordered_map<std::int64_t, const NodeView*> by_id;
  for (const auto* list : {&cascade.priorities, &cascade.nodes}) {
    for (const NodeView& view : *list) {
      by_id.emplace(view.node.id.value(), &view);
    }
  }
  std::unordered_map<std::int64_t, std::vector<const LinkView*>> links_from;
  for (const LinkView& link : cascade.links) {
    links_from[link.link.from.value()].push_back(&link);
  }
  std::unordered_map<std::int64_t, std::vector<const IndicatorView*>> indicators_of;
  for (const IndicatorView& indicator : cascade.indicators) {
    indicators_of[indicator.indicator.node_id.value()].push_back(&indicator);
  }

  for (const NodeView& view : cascade.nodes) {
    const NodeRecord& node = view.node;
    std::string parent;
    if (node.parent_id) {
      const auto found = by_id.find(node.parent_id->value());
      parent = found == by_id.end() ? std::string() : found->second->node.code;
    }
    std::string targets;
    std::string weights;
    for (const LinkView* link : links_from[node.id.value()]) {
      targets += (targets.empty() ? "" : "; ") + link->to.code;
      weights += (weights.empty() ? "" : "; ") +
                 (link->link.weight ? link->link.weight->format(Locale::indonesian) : std::string("-"));
    }
    std::vector<tabular::Cell> head{std::string(label_id(node.kind)),
                                    node.code,
                                    node.title,
                                    view.agency_code.value_or(""),
                                    parent,
                                    targets,
                                    weights};
    const auto& indicators = indicators_of[node.id.value()];
    if (indicators.empty()) {
      std::vector<tabular::Cell> row = head;
      row.resize(sheet.header.size(), std::string());
      sheet.rows.push_back(std::move(row));
      continue;
    }
    for (const IndicatorView* indicator_view : indicators) {
      const IndicatorRecord& indicator = indicator_view->indicator;
      std::vector<tabular::Cell> row = head;
      row.insert(
          row.end(),
          {indicator.code, indicator.name, indicator.unit,
           std::string(indicator.polarity == Polarity::higher_is_better ? "makin tinggi makin baik"
                                                                        : "makin rendah makin baik"),
           std::string(name(indicator.formula_variant)), std::string(name(indicator.aggregation)),
           std::string(indicator.key_indicator ? "ya" : ""), indicator.spm_service.value_or(""),
           indicator.baseline_year ? std::to_string(*indicator.baseline_year) : std::string(),
           indicator.baseline_value ? indicator.baseline_value->format(Locale::indonesian) : std::string()});
      for (int year = period.first_year; year <= period.last_year; ++year) {
        std::string text;
        for (const Target& target : indicator.targets) {
          if (target.year == year) {
            text = target_text(target);
          }
        }
        row.emplace_back(text);
      }
      row.insert(row.end(),
                 {std::string(data_source_label(indicator.data_source_kind)), indicator.data_source_name,
                  indicator.data_source_reference, indicator_view->responsible_agency_code.value_or("")});
      sheet.rows.push_back(std::move(row));
    }
  }
  return sheet;
}

tabular::Sheet findings_sheet(const AlignmentReportPage& report, Locale locale) {
  tabular::Sheet sheet;
  sheet.name = "Laporan Keselarasan";
  sheet.header = {"jenis", "tingkat", "kode", "uraian", "opd", "pesan", "terkait"};
  for (const ReportFinding& entry : report.items) {
    std::string related;
    for (const NodeSummary& node : entry.related) {
      related += (related.empty() ? "" : "; ") + node.code +
                 (node.agency_code ? " (" + *node.agency_code + ")" : "");
    }
    sheet.rows.push_back({std::string(name(entry.finding.kind)),
                          entry.node ? std::string(label_id(entry.node->kind)) : std::string(),
                          entry.node ? entry.node->code : std::string(),
                          entry.node ? entry.node->title : std::string(), entry.agency_code.value_or(""),
                          locale == Locale::english ? entry.finding.message_en : entry.finding.message_id,
                          related});
  }
  return sheet;
}

}  // namespace sinergi::planning
