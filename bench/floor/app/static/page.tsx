export const dynamic = "force-static";

// A static page of about the member page's size in words: the floor for serving a page.
export default function StaticPage() {
  return (
    <main>
      <h1>Call your representative</h1>
      <p>Tell them to vote for the bill. It takes two minutes: enter your number and we will call you, play a short message, and put you through.</p>
      <form>
        <label>
          Your phone number <input name="phone" type="tel" />
        </label>
        <button type="submit">Call me now</button>
      </form>
    </main>
  );
}
