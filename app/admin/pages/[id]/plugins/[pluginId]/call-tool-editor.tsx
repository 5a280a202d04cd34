"use client";
import { useState } from "react";
import type { CallToolConfig } from "@/lib/calltool/config";
import { attributeNames, type Target } from "@/lib/calltool/targets";
import { ClipUploader, type ClipInfo } from "./clip-uploader";
import type { ClipVersionInfo } from "./clip-versions";
import { EmbedSnippets } from "./embed-snippets";
import { ConnectDialInForm, PostcodeImportForm } from "./entry-sections";
import { SettingsForm } from "./settings-form";
import { TargetsImport } from "./targets-import";
import { TargetsTable } from "./targets-table";

type Props = {
  pluginId: string;
  exportUrl: string;
  embedUrl: string;
  /** The <script> embed snippet, which fits the frame to its content. */
  embedScript: string;
  initialVersion: number;
  config: CallToolConfig;
  targets: Target[];
  clips: { message: ClipInfo | null; menu: ClipInfo | null };
  /** Every clip each slot has used, newest first (lib/calltool/clip-versions.ts). */
  clipVersions: { message: ClipVersionInfo[]; menu: ClipVersionInfo[] };
  phoneNumbers: { number: string; label: string }[];
  /** Where the saved dial-in number points now (rendered on the server, from Twilio). */
  dialInStatus: React.ReactNode;
  postcodeRows: number;
};

const section = "rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";

/**
 * The call tool editor. Every save answers the plugin's new version, kept
 * here so each part sends the latest one: a save from a stale editor (another
 * campaigner saved in between) is refused instead of overwriting.
 */
export function CallToolEditor({ pluginId, exportUrl, embedUrl, embedScript, initialVersion, config, targets: initialTargets, clips, clipVersions, phoneNumbers, dialInStatus, postcodeRows }: Props) {
  const [version, setVersion] = useState(initialVersion);
  const [targets, setTargets] = useState(initialTargets);
  // A new key re-creates the table from freshly imported targets.
  const [tableKey, setTableKey] = useState(0);
  const snippet = `<iframe src="${embedUrl}" title="${config.title.replace(/"/g, "&quot;")}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;

  return (
    <div className="space-y-6">
      <SettingsForm pluginId={pluginId} version={version} onSaved={setVersion} config={config} phoneNumbers={phoneNumbers} attributeNames={attributeNames(targets)} />

      <section className={section} aria-labelledby="dial-in-heading">
        <h2 id="dial-in-heading" className="mb-2 font-semibold">Dial-in</h2>
        {config.dialInNumber ? (
          <ConnectDialInForm pluginId={pluginId}>
            <p className="text-sm">
              Members can phone <span className="font-mono" data-testid="dial-in-number">{config.dialInNumber}</span>: they hear your message, choose a target on the keypad (or key their postcode), then the usual menu.
            </p>
            {dialInStatus}
          </ConnectDialInForm>
        ) : (
          <p className="text-sm text-slate-600">Choose a dial-in number in the settings above so members can call without the web.</p>
        )}
      </section>

      <section className={section} aria-labelledby="postcodes-heading">
        <h2 id="postcodes-heading" className="mb-2 font-semibold">Postcode lookup</h2>
        <p className="mb-3 text-sm text-slate-600">
          For “the member&apos;s postcode”: a CSV with a postcode column (a whole postcode or its start, like SW1A or 100) and columns naming target attributes, like constituency. The longest matching start wins. Importing replaces the table.
        </p>
        <PostcodeImportForm pluginId={pluginId} version={version} country={config.postcodeCountry} rows={postcodeRows} onSaved={setVersion} />
      </section>

      <section className={section} aria-labelledby="clips-heading">
        <h2 id="clips-heading" className="mb-4 font-semibold">Recordings</h2>
        <div className="grid gap-6 md:grid-cols-2">
          <ClipUploader pluginId={pluginId} slot="message" label="Message clip" hint="Your message, played when the member answers." clip={clips.message} versions={clipVersions.message} version={version} onSaved={setVersion} />
          <ClipUploader pluginId={pluginId} slot="menu" label="Menu clip" hint="“Press 1 to be connected, press 2 to hear the message again.”" clip={clips.menu} versions={clipVersions.menu} version={version} onSaved={setVersion} />
        </div>
      </section>

      <section className={section} aria-labelledby="targets-heading">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="targets-heading" className="font-semibold">Targets ({targets.length})</h2>
          <a href={exportUrl} className="text-sm font-semibold text-brand-700 hover:underline">
            Export CSV
          </a>
        </div>
        <TargetsTable
          key={tableKey}
          pluginId={pluginId}
          version={version}
          targets={targets}
          onSaved={(saved, next) => {
            setVersion(saved);
            setTargets(next);
          }}
        />
        <h3 className="mb-2 mt-8 text-sm font-semibold">Import from a spreadsheet</h3>
        <p className="mb-3 text-sm text-slate-600">
          Columns: name, title, phone, extension, country, caller_id; any other column becomes an attribute members can narrow down by. Targets keep their ids when their phone number and extension stay the same.
        </p>
        <TargetsImport
          pluginId={pluginId}
          version={version}
          onImported={(saved, next) => {
            setVersion(saved);
            setTargets(next);
            setTableKey((key) => key + 1);
          }}
        />
        <details className="mt-6">
          <summary className="cursor-pointer text-sm font-semibold">Raw JSON</summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(targets, null, 2)}</pre>
        </details>
      </section>

      <section className={section} aria-labelledby="embed-heading">
        <h2 id="embed-heading" className="mb-2 font-semibold">Embed on another site</h2>
        <EmbedSnippets iframe={snippet} script={embedScript} />
      </section>
    </div>
  );
}
