"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { encodeWav, MAX_RECORDING_SECONDS, RECORDING_SAMPLE_RATE } from "@/lib/calltool/wav";

type Take = { file: File; url: string; seconds: number };
type State = { step: "idle" } | { step: "recording"; seconds: number } | { step: "converting" } | { step: "take"; take: Take };

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/**
 * What MediaRecorder made (WebM/Opus, Ogg/Opus or MP4/AAC, by browser) as a
 * WAV Twilio can play: decoded by the browser itself, mixed down to mono at
 * 16 kHz. Why here and not on the server: lib/calltool/wav.ts.
 */
async function toWav(recorded: Blob): Promise<{ bytes: Uint8Array<ArrayBuffer>; seconds: number }> {
  const context = new AudioContext();
  try {
    const decoded = await context.decodeAudioData(await recorded.arrayBuffer());
    const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * RECORDING_SAMPLE_RATE)), RECORDING_SAMPLE_RATE);
    const source = offline.createBufferSource();
    source.buffer = decoded;
    source.connect(offline.destination);
    source.start();
    const rendered = await offline.startRendering();
    return { bytes: encodeWav(rendered.getChannelData(0), RECORDING_SAMPLE_RATE), seconds: rendered.duration };
  } finally {
    void context.close();
  }
}

function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "The browser may not use the microphone here. Allow it (the icon in the address bar) and try again.";
  if (name === "NotFoundError") return "No microphone was found. Plug one in, or upload a file instead.";
  if (name === "NotReadableError") return "The microphone is busy in another program. Close it there and try again.";
  return "Recording isn't possible in this browser. Upload an MP3 or WAV file instead.";
}

/**
 * Records a clip with the microphone, plays it back, and hands the WAV to
 * `onSave`, which sends it like an uploaded file (same route, same checks).
 */
export function ClipRecorder({ label, onSave }: { label: string; onSave: (file: File) => Promise<boolean> }) {
  const [state, setState] = useState<State>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  const takeUrl = state.step === "take" ? state.take.url : null;

  // Let go of the microphone and the take's memory when leaving the page.
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);
  useEffect(() => () => void (takeUrl && URL.revokeObjectURL(takeUrl)), [takeUrl]);

  const start = async () => {
    setError(null);
    let stream: MediaStream;
    try {
      if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices) throw new Error("unsupported");
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: true } });
    } catch (problem) {
      return setError(microphoneProblem(problem));
    }
    const chunks: Blob[] = [];
    const started = Date.now();
    const media = new MediaRecorder(stream);
    recorder.current = media;
    const tick = window.setInterval(() => {
      const seconds = (Date.now() - started) / 1000;
      if (seconds >= MAX_RECORDING_SECONDS) media.stop();
      else setState({ step: "recording", seconds });
    }, 250);
    media.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    media.onstop = async () => {
      window.clearInterval(tick);
      stream.getTracks().forEach((track) => track.stop());
      recorder.current = null;
      setState({ step: "converting" });
      try {
        const wav = await toWav(new Blob(chunks, { type: media.mimeType }));
        const file = new File([wav.bytes], `Recording ${new Date().toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })}.wav`.replace(/[/:]/g, "-"), { type: "audio/wav" });
        setState({ step: "take", take: { file, url: URL.createObjectURL(file), seconds: wav.seconds } });
      } catch {
        setState({ step: "idle" });
        setError("The recording could not be read back. Try again, or upload a file instead.");
      }
    };
    media.start(1000);
    setState({ step: "recording", seconds: 0 });
  };

  const save = async (take: Take) => {
    setSaving(true);
    const saved = await onSave(take.file);
    setSaving(false);
    if (saved) setState({ step: "idle" });
  };

  return (
    <div className="rounded-lg border border-slate-200 p-3" data-testid="clip-recorder">
      {state.step === "idle" && (
        <button type="button" onClick={start} className={buttonClass("secondary")}>
          Record with the microphone
        </button>
      )}
      {state.step === "recording" && (
        <div className="flex items-center gap-3">
          <span role="status" className="text-sm text-red-700">
            ● Recording {label.toLowerCase()}: {clock(state.seconds)} (at most {clock(MAX_RECORDING_SECONDS)})
          </span>
          <button type="button" onClick={() => recorder.current?.stop()} className={buttonClass("danger")}>
            Stop recording
          </button>
        </div>
      )}
      {state.step === "converting" && <p role="status" className="text-sm text-slate-600">Preparing the recording…</p>}
      {state.step === "take" && (
        <div className="space-y-2">
          <p className="text-sm">Listen back ({clock(state.take.seconds)}), then save it or record again.</p>
          <audio controls src={state.take.url} className="w-full" aria-label={`New recording of ${label.toLowerCase()}`} />
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={saving} onClick={() => save(state.take)} className={buttonClass("primary")}>
              {saving ? "Saving…" : "Save recording"}
            </button>
            <button type="button" disabled={saving} onClick={start} className={buttonClass("secondary")}>
              Record again
            </button>
            <button type="button" disabled={saving} onClick={() => setState({ step: "idle" })} className="px-2 text-sm font-semibold text-slate-700 hover:underline">
              Discard
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
