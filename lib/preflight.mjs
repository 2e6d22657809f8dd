// Runs before `npm start` (production): refuse to start without the secrets a real deployment needs.
const missing = [];
if (!process.env.AUTH_SECRET) missing.push("AUTH_SECRET (signs sessions; generate with: openssl rand -base64 32)");
if (process.env.DATABASE_URL?.startsWith("postgres") && !process.env.TAILOR_ENCRYPTION_KEY) {
  missing.push("TAILOR_ENCRYPTION_KEY (encrypts Intercom tokens at rest; 32 bytes, base64)");
}
if (missing.length > 0) {
  console.error(`Tailor will not start in production mode without:\n  - ${missing.join("\n  - ")}\nSee .env.example. For a local demo run \`npm run demo\` instead.`);
  process.exit(1);
}
