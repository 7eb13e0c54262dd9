// Ace by DAISY drives a browser through puppeteer. The tests use Debian's Chromium (the one the axe and site checks
// use), so puppeteer downloads none on `npm ci` and launches /usr/bin/chromium.
module.exports = {
  skipDownload: true,
  executablePath: '/usr/bin/chromium',
};
