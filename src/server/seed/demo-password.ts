/** Every demo user signs in with this password (README: "Demo users"). Its own module so tools and tests import it without the seed. */
export const demoPassword = 'hotline12345';
