"""Saved RSS/Atom feeds as ingest input: one Document per entry, one clear line per problem."""
import gzip

from helpers import read_inputs
from newsgraph.ingest.feeds import html_to_text, looks_like_feed

# Our own small feeds. The first RSS item has full content (content:encoded) and a shorter
# description; the second only an HTML description; the third has no text at all.
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Harbour Town Gazette</title>
    <link>https://gazette.example.org/</link>
    <description>Local news</description>
    <item>
      <title>Ferry Service Resumes After Storm</title>
      <link>https://gazette.example.org/2021/ferry-resumes</link>
      <guid isPermaLink="false">gazette-4711</guid>
      <author>desk@gazette.example.org (Mara Quill)</author>
      <pubDate>Tue, 09 Mar 2021 22:15:00 -0500</pubDate>
      <description>Ferries are running again.</description>
      <content:encoded><![CDATA[<p>The harbour ferry resumed service on <b>Tuesday</b> after
        a three-day pause caused by the storm.</p><p>The operator said all crossings would run
        on schedule.<br/>Tickets bought for cancelled crossings remain valid.</p>
        <script>trackVisitor();</script>]]></content:encoded>
    </item>
    <item>
      <title>Library Extends Opening Hours</title>
      <link>https://gazette.example.org/2021/library-hours</link>
      <guid>https://gazette.example.org/2021/library-hours</guid>
      <pubDate>Wed, 10 Mar 2021 08:00:00 +0000</pubDate>
      <description>&lt;p&gt;The town library will stay open until 9 p.m. on weekdays,
        the council &amp;amp; its board decided.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Photo of the Week</title>
      <link>https://gazette.example.org/2021/photo</link>
      <guid>gazette-4713</guid>
      <description><![CDATA[<img src="https://gazette.example.org/p.jpg">]]></description>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- saved on 2021-03-12 -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>urn:uuid:5d3c-courier</id>
  <updated>2021-03-11T18:00:00Z</updated>
  <entry>
    <title>Bridge Repairs Finished Early</title>
    <link rel="alternate" href="https://courier.example.net/bridge-repairs"/>
    <id>urn:uuid:5d3c-0001</id>
    <published>2021-03-11T23:40:00-08:00</published>
    <updated>2021-03-12T09:00:00Z</updated>
    <author><name>Ivo Brandt</name></author>
    <summary>Short summary that the content replaces.</summary>
    <content type="html">&lt;p&gt;Crews finished repairs on the river bridge two weeks
      ahead of schedule, the county said.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Both lanes are
      open.&lt;/li&gt;&lt;li&gt;The speed limit is back to 50.&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
  <entry>
    <title>Council Meets on Budget</title>
    <link href="https://courier.example.net/budget"/>
    <id>urn:uuid:5d3c-0002</id>
    <updated>2021-03-10T12:00:00Z</updated>
    <summary type="text">The council met to discuss the budget for next year.</summary>
  </entry>
</feed>
"""


read = read_inputs


def test_rss_entries_become_documents(tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors, warnings = read([path])
    assert warnings == []
    ferry, library = docs
    assert ferry.title == "Ferry Service Resumes After Storm"
    assert ferry.url == "https://gazette.example.org/2021/ferry-resumes"
    assert ferry.external_id == "gazette-4711"
    assert ferry.source == "Harbour Town Gazette"
    assert ferry.authors == ["Mara Quill"]
    # The date as written in the feed's time zone (in UTC it is already 10 March).
    assert str(ferry.published) == "2021-03-09"
    # Full content wins over the description; tags, the script and layout are gone,
    # paragraphs stay apart.
    assert ferry.text == ("The harbour ferry resumed service on Tuesday after a three-day pause "
                          "caused by the storm.\n\nThe operator said all crossings would run on "
                          "schedule.\nTickets bought for cancelled crossings remain valid.")
    assert ferry.id == ferry.content_hash[:16]
    # An escaped HTML description: XML-unescaped, then its HTML (entities too) turned to text.
    assert library.text == ("The town library will stay open until 9 p.m. on weekdays, "
                            "the council & its board decided.")
    assert str(library.published) == "2021-03-10"
    assert library.external_id == "https://gazette.example.org/2021/library-hours"
    # The entry with only an image is reported on one line naming the file and the entry.
    assert errors == [f"{path} entry 3 (gazette-4713): has no text (neither content nor a summary)"]


def test_atom_entries_become_documents(tmp_path):
    path = tmp_path / "courier.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, errors, _ = read([path])
    assert errors == []
    bridge, budget = docs
    assert (bridge.title, bridge.url, bridge.external_id, bridge.source) == (
        "Bridge Repairs Finished Early", "https://courier.example.net/bridge-repairs",
        "urn:uuid:5d3c-0001", "Valley Courier")
    assert bridge.authors == ["Ivo Brandt"]
    assert str(bridge.published) == "2021-03-11"  # published wins over updated, local date
    assert bridge.text == ("Crews finished repairs on the river bridge two weeks ahead of schedule, "
                           "the county said.\n\nBoth lanes are open.\n\nThe speed limit is back to 50.")
    assert "summary" not in bridge.text
    assert str(budget.published) == "2021-03-10"  # no published: updated
    assert budget.text == "The council met to discuss the budget for next year."


def test_xml_files_are_sniffed_by_their_root(tmp_path):
    (tmp_path / "gazette.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "courier.xml").write_text(ATOM, encoding="utf-8")
    rdf = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://old.example.org/">'
           '<title>Old Wire</title></channel><item rdf:about="https://old.example.org/1">'
           '<title>Dam Opens</title><link>https://old.example.org/1</link>'
           '<description>The new dam opened on Friday.</description></item></rdf:RDF>')
    (tmp_path / "wire.xml").write_text(rdf, encoding="utf-8")
    docs, errors, _ = read([tmp_path])
    assert len(errors) == 1 and "entry 3" in errors[0]
    assert sorted(d.source for d in docs) == ["Harbour Town Gazette", "Harbour Town Gazette",
                                              "Old Wire", "Valley Courier", "Valley Courier"]
    wire = next(d for d in docs if d.source == "Old Wire")
    assert (wire.title, wire.text) == ("Dam Opens", "The new dam opened on Friday.")


def test_gzipped_feed(tmp_path):
    path = tmp_path / "courier.atom.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(ATOM)
    docs, errors, _ = read([tmp_path])
    assert errors == [] and [d.title for d in docs] == ["Bridge Repairs Finished Early",
                                                         "Council Meets on Budget"]


def test_broken_feed_gives_one_line(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut Off</title>\n'
                    "<item><title>Half an ite", encoding="utf-8")
    docs, errors, _ = read([path])
    assert docs == []
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}: is not a readable RSS/Atom feed (")
    assert "Traceback" not in errors[0]


def test_not_xml_at_all_gives_one_line(tmp_path):
    path = tmp_path / "notes.rss"
    path.write_text("Remember to buy milk.\n", encoding="utf-8")
    docs, errors, _ = read([path])
    assert docs == [] and len(errors) == 1
    assert errors[0].startswith(f"{path}: is not a readable RSS/Atom feed")


def test_lenient_read_of_a_slightly_broken_feed_warns(tmp_path):
    path = tmp_path / "sloppy.rss"  # a bare "&" makes it not well-formed XML
    path.write_text("<rss><channel><title>Sloppy</title><item><title>Fair Opens</title>"
                    "<description>Rides & games open today.</description></item></channel></rss>",
                    encoding="utf-8")
    (doc,), errors, warnings = read([path])
    assert errors == [] and doc.text == "Rides & games open today."
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}: feed is not well-formed")


def test_feed_without_entries_and_empty_file(tmp_path):
    empty_feed = tmp_path / "quiet.atom"
    empty_feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>',
                          encoding="utf-8")
    empty_file = tmp_path / "zero.rss"
    empty_file.write_bytes(b"")
    docs, errors, _ = read([empty_feed, empty_file])
    assert docs == []
    assert errors == [f"{empty_feed}: is a feed with no entries", f"{empty_file}: is empty"]


def test_xml_that_is_not_a_feed_is_handled_as_before(tmp_path):
    path = tmp_path / "catalogue.xml"
    path.write_text('<?xml version="1.0"?><catalogue><book>Tides</book></catalogue>', encoding="utf-8")
    docs, errors, _ = read([path])
    assert docs == []
    assert len(errors) == 1 and errors[0].startswith(f"{path}: XML that is not a MEANTIME")


def test_root_sniffing():
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed(b'<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss>')
    assert looks_like_feed(b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b"<rdf:RDF xmlns:rdf='x'>")
    assert not looks_like_feed(b'<?xml version="1.0"?><Document doc_id="1">')
    assert not looks_like_feed(b"<rssfeed>")
    assert not looks_like_feed(b"plain text about <rss> feeds")


def test_html_to_text_on_fragments():
    assert html_to_text("Plain words with <i>one</i> tag.") == "Plain words with one tag."
    assert html_to_text("<h2>Head</h2>Body<style>p{}</style>") == "Head\n\nBody"
    assert html_to_text("<div><p>One.</p>\n\n\n<p>Two.</p></div>") == "One.\n\nTwo."
