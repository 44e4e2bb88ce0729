// The NeuralNotebooks course: typesets math with KaTeX and draws charts with plotly.js, both shipped in assets/.
(function () {
  'use strict';

  function typeset() {
    if (!window.katex) return;
    document.querySelectorAll('.math').forEach(function (el) {
      var tex = el.textContent;
      try {
        window.katex.render(tex, el, { displayMode: el.classList.contains('display'), throwOnError: false });
      } catch (e) {
        el.classList.add('math-error');
        el.title = String(e);
      }
    });
    document.documentElement.setAttribute('data-math', 'typeset');
  }

  // A chart keeps its own size where it fits. On a narrow screen it takes the column's width; its legend moves
  // between the title and the plot and its colour bars lie flat under the x axis, so the plot keeps the width.
  function narrowed(figure, width) {
    var layout = Object.assign({}, figure.layout || {});
    var data = figure.data || [];
    var wanted = layout.width || 800;
    if (!(width > 0 && width < wanted)) return { data: data, layout: layout, narrow: false };
    layout.width = width;
    if (width < 600) {
      var bars = false;
      data = data.map(function (trace) {
        if (!trace.colorbar && !(trace.showscale === true)) return trace;
        if (trace.showscale === false) return trace;
        bars = true;
        var bar = Object.assign({}, trace.colorbar || {}, { orientation: 'h', x: 0.5, xanchor: 'center', y: -0.18, yanchor: 'top', len: 0.9, thickness: 12 });
        if (bar.title) bar.title = Object.assign({}, bar.title, { side: 'top' });
        return Object.assign({}, trace, { colorbar: bar });
      });
      layout.title = narrowTitle(layout.title, width);
      layout.legend = Object.assign({}, layout.legend || {}, { orientation: 'h', x: 0, xanchor: 'left', y: 1.0, yanchor: 'bottom' });
      layout.margin = Object.assign({}, layout.margin || {}, { l: 45, r: 15, t: 100, b: bars ? 130 : 50 });
      if (bars && layout.height) layout.height = layout.height + 60;
    }
    return { data: data, layout: layout, narrow: true };
  }

  // plotly.js does not wrap titles: a long one gets a smaller font and a line break near its middle.
  function narrowTitle(title, width) {
    if (!title) return title;
    var t = typeof title === 'string' ? { text: title } : Object.assign({}, title);
    var size = Math.min((t.font && t.font.size) || 17, 15);
    t.font = Object.assign({}, t.font || {}, { size: size });
    var text = t.text || '';
    if (text.indexOf('<br>') < 0 && text.length * size * 0.55 > width - 20) {
      var middle = text.length / 2, best = -1;
      for (var i = 0; i < text.length; i++)
        if (text[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
      if (best > 0) t.text = text.slice(0, best) + '<br>' + text.slice(best + 1);
    }
    return t;
  }

  function drawCharts() {
    if (!window.Plotly) return Promise.resolve();
    var drawn = Array.prototype.map.call(document.querySelectorAll('figure.chart'), function (chart) {
      var el = chart.querySelector('.plot');
      var figure = JSON.parse(chart.querySelector('script.figure').textContent);
      var fit = narrowed(figure, el.clientWidth);
      var config = Object.assign({}, figure.config || {}, { displaylogo: false, responsive: true });
      if (fit.narrow) config.displayModeBar = false;
      return window.Plotly.newPlot(el, fit.data, fit.layout, config)
        .then(function () { chart.setAttribute('data-drawn', 'true'); });
    });
    return Promise.all(drawn);
  }

  typeset();
  drawCharts().then(function () { document.documentElement.setAttribute('data-charts', 'drawn'); });
})();
