import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { SitrepError } from "../core/problems.js";
import { parseFeed } from "./feed.js";

const FEED_URL = "https://news.example/world/rss.xml";

const RSS2 = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Example World News</title>
    <description>Made-up headlines</description>
    <item>
      <title>Ministers meet in Vienna to discuss ceasefire</title>
      <link>/world/2021/03/01/ministers-meet</link>
      <guid isPermaLink="false">ew-1001</guid>
      <pubDate>Mon, 01 Mar 2021 09:30:00 +0100</pubDate>
      <description>&lt;p&gt;Foreign ministers met on Monday.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Foreign ministers met on Monday in Vienna.</p><p>Talks continue.</p>]]></content:encoded>
    </item>
    <item>
      <title>Protesters gather outside parliament</title>
      <link>https://news.example/world/protest</link>
      <pubDate>not a date</pubDate>
      <description>Several hundred people gathered.</description>
    </item>
    <item>
      <title>Rebels release two hostages</title>
      <link>javascript:alert(1)</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:uuid:2d9a6a8e-0000-4000-8000-000000000001</id>
  <updated>2021-03-02T12:00:00Z</updated>
  <entry>
    <title type="html">Border talks &amp;amp; troop withdrawal agreed</title>
    <id>tag:wire.example,2021:border-talks</id>
    <link rel="alternate" type="text/html" href="https://wire.example/border-talks"/>
    <published>2021-03-02T10:15:00+02:00</published>
    <updated>2021-03-02T11:00:00Z</updated>
    <summary>Two governments agreed to pull troops back.</summary>
    <content type="html">&lt;p&gt;Two governments agreed on Tuesday to pull troops back from the border.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Police arrest opposition leader</title>
    <id>tag:wire.example,2021:arrest</id>
    <link href="https://wire.example/arrest"/>
    <updated>2021-03-01T08:00:00Z</updated>
    <summary>The leader was detained at dawn.</summary>
  </entry>
</feed>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Daily</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/strike"><title>Dock workers go on strike</title><link>https://rdf.example/strike</link><dc:date>2021-01-05T07:00:00Z</dc:date><description>Ports closed.</description></item>
</rdf:RDF>`;

function parseError(body: Buffer | string, detail?: RegExp): void {
  assert.throws(
    () => parseFeed(body, FEED_URL),
    (e: unknown) => {
      assert.ok(e instanceof SitrepError, String(e));
      assert.equal(e.problem.code, "E_FEED_PARSE");
      assert.equal(e.problem.where, FEED_URL);
      if (detail) assert.match(e.problem.message, detail);
      return true;
    },
  );
}

test("feed: RSS 2.0 items with guid, absolute links, ISO dates and the fullest HTML", () => {
  const feed = parseFeed(Buffer.from(RSS2), FEED_URL);
  assert.equal(feed.title, "Example World News");
  assert.equal(feed.items.length, 3);
  const [a, b, c] = feed.items;
  assert.deepEqual(a, {
    id: "ew-1001",
    url: "https://news.example/world/2021/03/01/ministers-meet",
    title: "Ministers meet in Vienna to discuss ceasefire",
    published: "2021-03-01T08:30:00.000Z",
    html: "<p>Foreign ministers met on Monday in Vienna.</p><p>Talks continue.</p>",
  });
  // no guid: the link is the id; an unreadable date is null, not a guess
  assert.equal(b.id, "https://news.example/world/protest");
  assert.equal(b.published, null);
  assert.equal(b.html, "Several hundred people gathered.");
  // a javascript: link is no article URL; with neither guid nor usable link the id is a hash of title and date
  assert.equal(c.url, null);
  assert.match(c.id, /^sha256:[0-9a-f]{32}$/);
  assert.equal(c.html, null);
});

test("feed: hashed ids are stable and differ by title", () => {
  const one = (title: string) => parseFeed(`<rss version="2.0"><channel><title>T</title><item><title>${title}</title></item></channel></rss>`, FEED_URL).items[0].id;
  assert.equal(one("Army shells the town"), one("Army shells the town"));
  assert.notEqual(one("Army shells the town"), one("Army leaves the town"));
});

test("feed: Atom entries with id, alternate link, published (else updated) and content (else summary)", () => {
  const feed = parseFeed(ATOM, FEED_URL);
  assert.equal(feed.title, "Example Wire");
  assert.deepEqual(feed.items, [
    {
      id: "tag:wire.example,2021:border-talks",
      url: "https://wire.example/border-talks",
      title: "Border talks & troop withdrawal agreed",
      published: "2021-03-02T08:15:00.000Z",
      html: "<p>Two governments agreed on Tuesday to pull troops back from the border.</p>",
    },
    {
      id: "tag:wire.example,2021:arrest",
      url: "https://wire.example/arrest",
      title: "Police arrest opposition leader",
      published: "2021-03-01T08:00:00.000Z",
      html: "The leader was detained at dawn.",
    },
  ]);
});

test("feed: RSS 1.0 (RDF) is read too", () => {
  const feed = parseFeed(RSS1, FEED_URL);
  assert.equal(feed.title, "RDF Daily");
  assert.deepEqual(feed.items.map((i) => [i.url, i.title, i.published]), [
    ["https://rdf.example/strike", "Dock workers go on strike", "2021-01-05T07:00:00.000Z"],
  ]);
});

test("feed: relative links without a channel link resolve against the feed URL", () => {
  const feed = parseFeed(`<rss version="2.0"><channel><title>T</title><item><title>A</title><link>story-1.html</link></item></channel></rss>`, FEED_URL);
  assert.equal(feed.items[0].url, "https://news.example/world/story-1.html");
});

test("feed: a declared ISO-8859-1 body and a UTF-16 body with BOM are decoded", () => {
  const latin = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Monde inventé</title><item><title>Grève générale à Marseille</title><guid>fr-1</guid></item></channel></rss>`;
  assert.equal(parseFeed(iconv.encode(latin, "latin1"), FEED_URL).items[0].title, "Grève générale à Marseille");
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ATOM.replace('encoding="utf-8"', 'encoding="utf-16"'), "utf-16le")]);
  assert.equal(parseFeed(utf16, FEED_URL).items[0].title, "Border talks & troop withdrawal agreed");
});

test("feed: an HTML page, truncated XML, binary garbage, JSON and empty bodies are E_FEED_PARSE", () => {
  parseError(`<!DOCTYPE html><html><head><title>News</title></head><body><p>Latest</p></body></html>`, /HTML page/);
  parseError(RSS2.slice(0, RSS2.indexOf("</channel>")), /truncated/);
  parseError(RSS2.slice(0, 400));
  parseError(ATOM.slice(0, ATOM.length - 30), /truncated/);
  parseError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/);
  parseError('{"items": []}', /no XML element/);
  parseError(Buffer.alloc(0), /empty/);
  parseError(`<?xml version="1.0"?><rss version="2.0"></rss>`, /channel/);
  parseError(`<?xml version="1.0"?><sitemap><url>x</url></sitemap>`, /<sitemap>/);
});
