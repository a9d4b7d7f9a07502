package dev.replab.book;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderless.LeaderlessResults;
import dev.replab.engine.load.Percentiles;
import dev.replab.engine.model.ReplicationModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The book's plots, drawn by JFreeChart and written as SVG by JFreeSVG from what the engine
 * measured: lag over time from a cluster's lag samples, throughput against replica count from a
 * {@code sweep}, latency percentiles from one or more {@code load} runs.
 *
 * <p>Every text is ASCII and every number is formatted in the root locale, so a chart reads the
 * same in the PDF as in the browser and does not change with the machine that builds the book.
 */
final class Charts {
  static final int WIDTH = 640;
  static final int HEIGHT = 300;

  /**
   * The font family written into the SVG for the chart's sans-serif text: DejaVu Sans where the
   * reader has it, then fonts every browser and the PDF converter (Helvetica) know. Unquoted:
   * JFreeSVG writes it inside a single-quoted attribute.
   */
  private static final String FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif";

  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color GRID = new Color(0xE2E8F0);
  private static final Color INK = new Color(0x334155);
  private static final Color[] SERIES = {
    new Color(0x2563EB),
    new Color(0xC2410C),
    new Color(0x0D9488),
    new Color(0x7C3AED),
    new Color(0xB45309),
    new Color(0x15803D),
    new Color(0xBE123C),
    new Color(0x0E7490)
  };

  private Charts() {}

  /**
   * Each follower's lag in milliseconds against simulated time, from the samples the cluster takes
   * every 100 ms, between {@code sinceUs} and {@code untilUs}. Null when no sample falls in that
   * window.
   */
  static String lagOverTime(Cluster cluster, long sinceUs, long untilUs) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    boolean any = false;
    for (Map.Entry<String, List<ReplicationModel.LagPoint>> follower :
        cluster.model().lagTimeline().entrySet()) {
      XYSeries series = new XYSeries(follower.getKey(), false, true);
      for (ReplicationModel.LagPoint sample : follower.getValue()) {
        if (sample.atUs() >= sinceUs && sample.atUs() <= untilUs) {
          series.add(sample.atUs() / 1e6, sample.lagUs() / 1e3);
          any = true;
        }
      }
      if (series.getItemCount() > 0) {
        dataset.addSeries(series);
      }
    }
    if (!any) {
      return null;
    }
    NumberAxis time =
        axis(
            "simulated time (s)",
            new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    time.setAutoRangeIncludesZero(false);
    NumberAxis lag =
        axis(
            "lag behind the leader (ms)",
            new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
      renderer.setSeriesStroke(
          i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    XYPlot plot = new XYPlot(dataset, time, lag, renderer);
    style(plot);
    return svg(chart(plot, true), "lag", fingerprint(digest(dataset)));
  }

  /**
   * The staleness curve of a {@code staleness} run: the share of fresh reads against the time
   * between a write's commit and the read, as measured through the protocol and as the WARS model
   * predicts.
   */
  static String staleness(LeaderlessResults.Curve curve) {
    XYSeries measured = new XYSeries("measured through the protocol", false, true);
    XYSeries model = new XYSeries("WARS model", false, true);
    for (LeaderlessResults.Point point : curve.points()) {
      measured.add(point.tMs(), point.p());
      model.add(point.tMs(), point.modelP());
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(measured);
    dataset.addSeries(model);
    NumberAxis time =
        axis(
            "t: time from the write's commit to the read (ms)",
            new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    NumberAxis fresh =
        axis(
            "share of reads that see the write",
            new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    double lowest = 1;
    for (LeaderlessResults.Point point : curve.points()) {
      lowest = Math.min(lowest, Math.min(point.p(), point.modelP()));
    }
    // From a round tenth below the lowest point up to all reads fresh, so a flat curve reads as
    // "always fresh" instead of zooming into rounding noise.
    fresh.setRange(Math.max(0, Math.floor(lowest * 10) / 10 - 0.1), 1.02);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < 2; i++) {
      renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
      renderer.setSeriesStroke(
          i, new BasicStroke(i == 0 ? 2.5f : 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    XYPlot plot = new XYPlot(dataset, time, fresh, renderer);
    style(plot);
    return svg(chart(plot, true), "staleness", fingerprint(curve.text()));
  }

  /** Throughput against the number of nodes, one bar per row of a {@code sweep}. */
  static String throughput(Result.SweepTable sweep) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Result.SweepRow row : sweep.rows()) {
      dataset.addValue(
          row.throughputOpsS(),
          "throughput",
          row.replicas() + (row.replicas() == 1 ? " node" : " nodes"));
    }
    BarRenderer renderer = bars(new Color[] {SERIES[0]}, grouped("#,##0"));
    CategoryPlot plot =
        new CategoryPlot(
            dataset,
            new CategoryAxis(),
            axis("requests answered per second", integers()),
            renderer);
    style(plot);
    return svg(chart(plot, false), "throughput", fingerprint(sweep.text()));
  }

  /**
   * Latency percentiles of reads and writes, one group of bars per percentile; with several runs,
   * each run's reads and writes are their own series, named {@code run 1 reads} and so on.
   */
  static String latency(List<Result.LoadDone> loads) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < loads.size(); i++) {
      Result.LoadDone load = loads.get(i);
      String prefix = loads.size() == 1 ? "" : "run " + (i + 1) + " ";
      if (load.reads() > 0) {
        add(dataset, prefix + "reads", load.readLatency());
      }
      if (load.writes() > 0) {
        add(dataset, prefix + "writes", load.writeLatency());
      }
      key.append(load.text());
    }
    BarRenderer renderer = bars(SERIES, grouped("#,##0.#"));
    NumberFormat milliseconds =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    CategoryPlot plot =
        new CategoryPlot(dataset, new CategoryAxis(), axis("latency (ms)", milliseconds), renderer);
    style(plot);
    return svg(chart(plot, true), "latency", fingerprint(key.toString()));
  }

  /** {@code compare durability}: for each mode, the median write latency before the crash. */
  static String durabilityLatency(Result.DurabilityTable table) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Result.DurabilityRow row : table.rows()) {
      dataset.addValue(row.p50Ms(), "write p50", row.mode());
    }
    return oneSeries(dataset, "median write latency (ms)", "#,##0.#", "durability-latency", table);
  }

  /** {@code compare durability}: for each mode, the acknowledged writes the crash lost. */
  static String durabilityLost(Result.DurabilityTable table) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Result.DurabilityRow row : table.rows()) {
      dataset.addValue(row.ackedLost(), "acknowledged writes lost", row.mode());
    }
    return oneSeries(dataset, "acknowledged writes lost", "#,##0", "durability-lost", table);
  }

  private static String oneSeries(
      DefaultCategoryDataset dataset,
      String label,
      String pattern,
      String kind,
      Result.DurabilityTable table) {
    BarRenderer renderer = bars(new Color[] {SERIES[0]}, grouped(pattern));
    CategoryAxis modes = new CategoryAxis();
    // "semi-synchronous" and "quorum w=2 of n=3" are wider than a bar's slot: wrap, not cut.
    modes.setMaximumCategoryLabelLines(3);
    CategoryPlot plot =
        new CategoryPlot(
            dataset,
            modes,
            axis(label, new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))),
            renderer);
    style(plot);
    return svg(chart(plot, false), kind, fingerprint(table.text()));
  }

  /** {@code compare models}: for each model, median write and read latency before the crash. */
  static String models(Result.ModelsTable table) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Result.ModelRow row : table.rows()) {
      dataset.addValue(row.writeP50Ms(), "write p50", row.model());
      dataset.addValue(row.readP50Ms(), "read p50", row.model());
    }
    BarRenderer renderer = bars(SERIES, grouped("#,##0.#"));
    NumberFormat milliseconds =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    CategoryPlot plot =
        new CategoryPlot(dataset, new CategoryAxis(), axis("latency (ms)", milliseconds), renderer);
    style(plot);
    return svg(chart(plot, true), "models", fingerprint(table.text()));
  }

  private static void add(DefaultCategoryDataset dataset, String series, Percentiles percentiles) {
    dataset.addValue(percentiles.p50Ms(), series, "median (p50)");
    dataset.addValue(percentiles.p95Ms(), series, "p95");
    dataset.addValue(percentiles.p99Ms(), series, "p99");
    dataset.addValue(percentiles.maxMs(), series, "max");
  }

  // ---------------------------------------------------------------- the common look

  private static NumberAxis axis(String label, NumberFormat format) {
    NumberAxis axis = new NumberAxis(label);
    axis.setNumberFormatOverride(format);
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TEXT);
    axis.setLabelPaint(INK);
    axis.setTickLabelPaint(INK);
    axis.setAxisLinePaint(GRID.darker());
    return axis;
  }

  private static NumberFormat integers() {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private static StandardCategoryItemLabelGenerator grouped(String pattern) {
    return new StandardCategoryItemLabelGenerator(
        "{2}", new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
  }

  private static BarRenderer bars(Color[] colors, StandardCategoryItemLabelGenerator labels) {
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.04);
    renderer.setMaximumBarWidth(0.12);
    renderer.setDefaultItemLabelGenerator(labels);
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    renderer.setDefaultItemLabelPaint(INK);
    for (int i = 0; i < colors.length; i++) {
      renderer.setSeriesPaint(i, colors[i]);
    }
    return renderer;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  private static void style(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    CategoryAxis categories = plot.getDomainAxis();
    categories.setTickLabelFont(LABEL);
    categories.setTickLabelPaint(INK);
    categories.setAxisLinePaint(GRID.darker());
    categories.setCategoryMargin(0.25);
    // Room above the tallest bar for its value.
    plot.getRangeAxis().setUpperMargin(0.12);
  }

  private static JFreeChart chart(org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, TEXT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(8, 4, 4, 12));
    chart.setAntiAlias(true);
    LegendTitle title = chart.getLegend();
    if (title != null) {
      title.setItemFont(TEXT);
      title.setItemPaint(INK);
      title.setFrame(BlockBorder.NONE);
      title.setPosition(RectangleEdge.TOP);
      title.setBackgroundPaint(Color.WHITE);
    }
    return chart;
  }

  /**
   * The chart as an SVG element with a view box, so that the page can scale it. Definitions (clip
   * paths) are named after {@code kind} and a fingerprint of the data: several charts inline in one
   * HTML page must not share an id, and the same data always gives the same bytes.
   */
  private static String svg(JFreeChart chart, String kind, String fingerprint) {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    g2.setDefsKeyPrefix("replab-" + kind + "-" + fingerprint + "-");
    g2.setFontFunction(family -> FONT_FAMILY);
    g2.setGeomDoubleConverter(Charts::number);
    g2.setTransformDoubleConverter(Charts::number);
    chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    // The first clip is the whole chart, so clipping to it changes nothing; it is left out because
    // the PDF converter pays for every clip it applies.
    String wholeChart = " clip-path='url(#" + g2.getDefsKeyPrefix() + "clip-0)'";
    return svg.replace(wholeChart, "")
        .replaceFirst(
            "<svg ", "<svg class=\"replab-plot\" role=\"img\" aria-label=\"" + kind + " chart\" ");
  }

  /** A coordinate with at most two decimals, in the root locale: smaller SVG, same drawing. */
  private static String number(double value) {
    double rounded = Math.round(value * 100) / 100.0;
    if (rounded == Math.rint(rounded)) {
      return Long.toString((long) rounded);
    }
    return new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(rounded);
  }

  private static String digest(XYSeriesCollection dataset) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      XYSeries series = dataset.getSeries(s);
      text.append(series.getKey()).append(':');
      for (int i = 0; i < series.getItemCount(); i++) {
        text.append(series.getX(i)).append(',').append(series.getY(i)).append(';');
      }
    }
    return text.toString();
  }

  /** Eight hex digits of a SHA-256 of {@code text}: stable across runs and machines. */
  static String fingerprint(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
