// A fixed key for the test databases only (32 bytes, base64).
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');
