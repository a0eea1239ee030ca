// Karma configuration for `ng test client` (the @angular/build:unit-test builder with the karma
// runner). The builder supplies files, basePath and the Angular plugins itself; this file only
// decides how the browser is launched and how results are reported.
const fs = require('node:fs');
const path = require('node:path');

// Debian ships Chromium, not Chrome; karma-chrome-launcher only looks for Chrome binaries.
process.env.CHROME_BIN ??= '/usr/bin/chromium';

/**
 * Writes {"passed","failed","skipped"} to $KARMA_SUMMARY_FILE when the run ends, so scripts can
 * aggregate results without scraping the progress reporter's terminal output.
 */
function SummaryFileReporter() {
  const counts = { passed: 0, failed: 0, skipped: 0 };

  this.onRunStart = () => {
    counts.passed = 0;
    counts.failed = 0;
    counts.skipped = 0;
  };

  this.onSpecComplete = (_browser, result) => {
    if (result.skipped || result.pending) counts.skipped += 1;
    else if (result.success) counts.passed += 1;
    else counts.failed += 1;
  };

  this.onRunComplete = (_browsers, results) => {
    const target = process.env.KARMA_SUMMARY_FILE;
    if (!target) return;
    // A bundle that fails to load or a browser that disconnects fails the run without failing
    // any spec; count it so a reader of the file alone never mistakes that run for a green one.
    const brokeOutsideSpecs = (results.error || results.disconnected) && counts.failed === 0;
    const summary = { ...counts, failed: brokeOutsideSpecs ? 1 : counts.failed };
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(summary)}\n`);
  };
}
SummaryFileReporter.$inject = [];

module.exports = function configureKarma(config) {
  config.set({
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-coverage'),
      { 'reporter:summary-file': ['type', SummaryFileReporter] },
    ],
    client: {
      jasmine: { random: true },
    },
    reporters: ['progress', 'summary-file'],
    coverageReporter: {
      // .test-output/ is git-ignored at the repository root.
      dir: path.join(__dirname, '..', '.test-output', 'client-coverage'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    customLaunchers: {
      ChromeHeadlessCi: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    },
    browsers: ['ChromeHeadlessCi'],
    // The builder derives singleRun from --watch; this is the value when the file is used alone.
    singleRun: true,
    restartOnFileChange: false,
  });
};
