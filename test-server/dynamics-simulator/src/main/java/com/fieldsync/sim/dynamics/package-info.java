/**
 * An in-memory, faithful HTTP peer of the Dynamics Mobile ERP API (wire contract: {@code docs/remote-apis.md} section
 * 3), so that the FieldSync Dynamics Mobile connector can be tested, demonstrated and load-tested without a Dynamics
 * Mobile application area.
 *
 * <p>{@link com.fieldsync.sim.dynamics.DynamicsSimulator} is the entry point: started in-process by tests and the demo
 * (Java API: serve application areas with their api keys, script {@link com.fieldsync.sim.dynamics.MobileUser mobile
 * users} who send packets and files, read what the connector pushed and what it acknowledged, move the clock, inject
 * faults, inspect the call log), or standalone through its {@code main} with a small control surface under {@code
 * /_sim/} for out-of-process use. {@link com.fieldsync.sim.dynamics.SyncPacket} builds and reads sync packets.
 *
 * <p>Where the docs are silent or ambiguous, this simulator decided as follows (keep the connector in line):
 *
 * <ul>
 *   <li><b>Paths.</b> The API lives below a configurable prefix, {@code mobile/erp/} by default (the docs' samples;
 *       their headings say {@code erp/…}). Application area codes are case-insensitive and kept upper-case (a sample
 *       calls {@code MyAppArea} and shows the storage path {@code push_done/MYAPPAREA/…}); mobile user names are kept
 *       and compared exactly.
 *   <li><b>Auth and errors.</b> {@code x-api-key} is checked on the four API calls, not on the storage URLs (they
 *       are signed, as presigned storage URLs are). A missing key, a wrong key or an application area not served
 *       answers 401. Every error is a plain-text body: 400 bad parameter or body, 401 key, 403 storage URL expired or
 *       its signature tampered with, 404 unknown path or storage path, 405 wrong method (with {@code Allow}). The
 *       {@code Content-Type} header is not checked (the docs' own done sample puts it outside the headers): the
 *       {@code format} parameter says what a done body is.
 *   <li><b>Push slot.</b> {@code packetUniqueId}, {@code size} and {@code packetType} ({@code xml} or {@code json},
 *       any case) are all required. Every slot request gets a new slot and a new {@code syncLogId}, also for a
 *       {@code packetUniqueId} seen before. The {@code uploadPath} is an absolute URL on the simulator, {@code
 *       /storage/upload/{slot}?expires=…&signature=…}, to be used verbatim.
 *   <li><b>Upload.</b> A slot takes {@code PUT}s for 15 minutes (assumed; configurable), then answers 403 and a new
 *       slot is needed. The body must be exactly {@code size} bytes (400 otherwise), as an upload URL signed with the
 *       length demands. Each accepted {@code PUT} answers 200 with no body and is kept: two uploads of one {@code
 *       packetUniqueId} are two uploads and one distinct packet. The content is read as UTF-8 text (packets are XML
 *       or JSON text); it is not validated on upload: the platform processes packets later.
 *   <li><b>Pull.</b> {@code packetType} defaults to {@code packet}, {@code format} to {@code json}; other values
 *       are 400. A pull lists at most 10 entries (assumed, SQS's maximum; configurable) in arrival order. JSON: the
 *       assumed shape {@code {"success":true,"packets":[{"id","receiptHandle","url","mobileUser","packetType"}]}};
 *       XML (assumed): {@code <response><success>true</success><packets><packet><id/><receiptHandle/><url/>
 *       <mobileUser/><packetType/></packet>…</packets></response>}. An entry's {@code packetType} is the content's
 *       format, {@code xml} or {@code json}, for a packet and {@code file} for a file. Its {@code url} is the storage
 *       path, {@code push_done/{AREA}/{yyyyMMddHH}/{user}/{id}.{xml|json}} (the docs' sample) for a packet and {@code
 *       files/{AREA}/{yyyyMMddHH}/{user}/{id}/{fileName}} for a file.
 *   <li><b>Redelivery.</b> SQS-like: a listed entry gets a new receipt handle and stays hidden from pulls for the
 *       visibility timeout, 30 seconds by default (assumed, SQS's default; zero gives the docs' literal "returned
 *       again by the next pull"), then is listed again with yet another handle until done. A handle is current from
 *       its listing until the next listing, even after the timeout has passed.
 *   <li><b>Link and download.</b> {@code link?path=} answers the download URL as {@code text/plain}; {@code path}
 *       must be exactly a listed {@code url} of that application area (404 otherwise), done or not, since storage
 *       keeps the content. The link ({@code /storage/download/{link}?expires=…&signature=…}) works for 15 minutes
 *       (the docs'; configurable), checked when the download begins, then answers 403 and a new link is needed.
 *       Content types: {@code application/xml}, {@code application/json}, {@code application/octet-stream} (files).
 *   <li><b>Done.</b> A JSON array of {@code {"id","receiptHandle"}} or, with {@code format=xml}, {@code
 *       <messages><message><id/><receiptHandle/></message>…</messages>} (the docs' XML sample is not well-formed:
 *       unclosed {@code <message>}s, stray commas; well-formed XML is required). XML is read with DOCTYPEs refused, so
 *       no entity is ever expanded or fetched. A malformed body is 400 and acknowledges nothing. A well-formed one
 *       answers {@code {"success":true}} (JSON, whatever the format) and acknowledges each entry whose handle is
 *       current; a stale handle, an unknown id or a packet already done is silently ignored, as SQS does, and only
 *       {@link com.fieldsync.sim.dynamics.DynamicsSimulator#doneEntries()} tells: the packet simply comes back.
 *   <li><b>Sync packets.</b> {@link com.fieldsync.sim.dynamics.SyncPacket} writes {@code NavMobileSync} XML and the
 *       assumed JSON shape, and reads both tolerating the sloppy variants the contract lists; mobile users may also
 *       send any raw content.
 * </ul>
 *
 * <p>Every expiry (upload slots, links, visibility) is measured on the simulator's {@link
 * com.fieldsync.sim.common.SimClock}: tests stop and advance it instead of waiting.
 */
package com.fieldsync.sim.dynamics;
