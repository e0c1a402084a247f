// embed.html's only job: open the app in embed mode, keeping the options (query) and the view (fragment).
const query = location.search ? `${location.search}&embed=1` : '?embed=1';
location.replace(`index.html${query}${location.hash}`);
