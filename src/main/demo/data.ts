/** Word lists for the demo database: small, but enough for believable names and places. */

/** First names. */
export const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Levi', 'Harper', 'Ethan', 'Evelyn', 'James', 'Aria', 'Hiroshi', 'Yuki', 'Chloé', 'Louis', 'Ingrid', 'Lars', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Zoë', 'Daniel', 'Sofía', 'Diego', 'Ana', 'João', 'Chen', 'Wei', 'Aisha', 'Kwame', 'Nadia', 'Ivan', 'Olga', 'Giulia', 'Marco', 'Hannah', 'Felix', 'Sara', 'Jonas', 'Leila', 'Tomás', 'Grace', 'Samuel'];

/** Last names. */
export const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Lee', 'Tanaka', 'Sato', 'Dubois', 'Lefèvre', 'Andersson', 'Nilsson', 'Sharma', 'Patel', 'Haddad', 'Khan', 'Novak', 'Kowalski', 'Rossi', 'Bianchi', 'Müller', 'Schmidt', 'Silva', 'Santos', 'Wang', 'Zhang', 'Mensah', 'Okafor', 'Ivanova', 'Petrov', 'Fischer', 'Weber', 'Costa', 'Hernández', 'O’Brien', 'Murphy', 'Kim', 'Park'];

/** City, country pairs. */
export const CITIES: Array<[string, string]> = [
  ['New York', 'United States'], ['Chicago', 'United States'], ['Austin', 'United States'], ['Seattle', 'United States'],
  ['Toronto', 'Canada'], ['Vancouver', 'Canada'], ['Mexico City', 'Mexico'], ['São Paulo', 'Brazil'],
  ['Buenos Aires', 'Argentina'], ['London', 'United Kingdom'], ['Manchester', 'United Kingdom'], ['Dublin', 'Ireland'],
  ['Paris', 'France'], ['Lyon', 'France'], ['Berlin', 'Germany'], ['Munich', 'Germany'], ['Amsterdam', 'Netherlands'],
  ['Stockholm', 'Sweden'], ['Oslo', 'Norway'], ['Madrid', 'Spain'], ['Barcelona', 'Spain'], ['Milan', 'Italy'],
  ['Rome', 'Italy'], ['Warsaw', 'Poland'], ['Prague', 'Czechia'], ['Vienna', 'Austria'], ['Zürich', 'Switzerland'],
  ['Lisbon', 'Portugal'], ['Tokyo', 'Japan'], ['Osaka', 'Japan'], ['Seoul', 'South Korea'], ['Singapore', 'Singapore'],
  ['Sydney', 'Australia'], ['Melbourne', 'Australia'], ['Auckland', 'New Zealand'], ['Mumbai', 'India'],
  ['Bengaluru', 'India'], ['Dubai', 'United Arab Emirates'], ['Cape Town', 'South Africa'], ['Lagos', 'Nigeria'],
];

/** Product categories with a description and product nouns and a price range. */
export const CATEGORIES: Array<{ name: string; description: string; nouns: string[]; price: [number, number] }> = [
  { name: 'Coffee', description: 'Whole beans and ground coffee from single origins and blends', nouns: ['Espresso Roast', 'House Blend', 'Ethiopia Yirgacheffe', 'Colombia Huila', 'Decaf Swiss Water', 'Cold Brew Blend'], price: [8, 28] },
  { name: 'Tea', description: 'Loose-leaf teas and herbal infusions', nouns: ['Earl Grey', 'Sencha', 'Darjeeling', 'Chamomile', 'Rooibos', 'Masala Chai'], price: [5, 24] },
  { name: 'Brewing Gear', description: 'Grinders, kettles, drippers and presses', nouns: ['Burr Grinder', 'Gooseneck Kettle', 'Pour-Over Dripper', 'French Press', 'AeroPress', 'Moka Pot'], price: [18, 320] },
  { name: 'Cups & Mugs', description: 'Ceramic, glass and travel drinkware', nouns: ['Ceramic Mug', 'Double-Wall Glass', 'Travel Tumbler', 'Espresso Cup Set', 'Latte Bowl'], price: [9, 45] },
  { name: 'Bakery', description: 'Biscuits, cakes and pastries to go with a cup', nouns: ['Almond Biscotti', 'Butter Croissant Box', 'Lemon Drizzle Cake', 'Oat Cookies', 'Cinnamon Rolls'], price: [4, 22] },
  { name: 'Chocolate', description: 'Bean-to-bar chocolate and cocoa', nouns: ['Dark 70% Bar', 'Milk Hazelnut Bar', 'Drinking Chocolate', 'Cocoa Nibs', 'Salted Caramel Truffles'], price: [4, 30] },
  { name: 'Syrups', description: 'Flavour syrups and sweeteners', nouns: ['Vanilla Syrup', 'Caramel Syrup', 'Hazelnut Syrup', 'Maple Syrup', 'Agave Nectar'], price: [6, 16] },
  { name: 'Milk & Alternatives', description: 'Dairy and plant-based milks for coffee', nouns: ['Barista Oat Milk', 'Almond Milk', 'Whole Milk Powder', 'Soy Milk', 'Coconut Milk'], price: [2, 9] },
  { name: 'Filters', description: 'Paper, cloth and metal filters', nouns: ['Paper Filters #2', 'Paper Filters #4', 'Cloth Filter', 'Metal Mesh Filter'], price: [3, 25] },
  { name: 'Gift Sets', description: 'Curated boxes and subscriptions', nouns: ['Tasting Flight Box', 'Tea Sampler', 'Barista Starter Kit', 'Chocolate Pairing Box'], price: [25, 140] },
  { name: 'Cleaning', description: 'Descalers and cleaning tablets', nouns: ['Descaler', 'Cleaning Tablets', 'Grinder Cleaner', 'Brush Set'], price: [6, 30] },
  { name: 'Accessories', description: 'Scales, tampers, canisters and more', nouns: ['Digital Scale', 'Tamper', 'Storage Canister', 'Milk Pitcher', 'Knock Box'], price: [10, 90] },
];

/** Adjectives for product name variants. */
export const PRODUCT_ADJECTIVES = ['Classic', 'Organic', 'Premium', 'Everyday', 'Reserve', 'Signature', 'Small-Batch', 'Limited', 'Barista', 'Artisan'];
/** Employee job titles (index 0 is the top manager). */
export const TITLES = ['Chief Executive Officer', 'Sales Manager', 'Account Executive', 'Sales Representative', 'Customer Success Specialist', 'Inside Sales Associate'];
/** Email domains for customers. */
export const EMAIL_DOMAINS = ['example.com', 'mail.example.org', 'inbox.example.net', 'example.co.uk', 'post.example.de'];
