// Word lists for the seeded register. Provider names are made up; towns, counties and postcode areas are
// real English ones so addresses look right on a page and in API responses. Lists are written as
// '|'-separated text so they stay compact (one word per line would triple the file).

const list = (text: string): readonly string[] =>
  text
    .split('|')
    .map((word) => word.trim())
    .filter((word) => word !== '')

/** Fictional and regional places used in provider names. */
export const places = list(`Northshire | Three Rivers | Wessex | Mercia | Pennine | Severn Vale | Thames Valley | Fenland | Cotswold |
  Chiltern | Downland | Marches | Solent | Humber | Tees Valley | Dales | Moorland | High Peak | Kennet | Brackenfield | Ashbourne |
  Eastwood | Westbury | Kingsmead | Fairfield | Oakwood | Riverside | Hillcrest | Meadowbank | Brookfield | Elmstead | Redcliffe |
  Stonebridge | Whitmore | Hartley | Linden | Greystone | Foxhill | Larkrise | Millbrook`)

/** English regions and counties used in partnership and hub names. */
export const regions = list(`Anglia | Yorkshire | Cheshire | Kent | Devon | Cornwall | Cumbria | Lancashire | Essex | Surrey | Sussex |
  Norfolk | Suffolk | Somerset | Dorset | Midlands | North East | South West | East Midlands | West Midlands | Black Country | Tyneside |
  Merseyside | Humberside | London | Thames Gateway`)

export const universityWords = list('Metropolitan | Trinity | City | Hope | Spa | Central | Southern | Northern')

export const saints = list(`St Mary's | St John's | St Peter's | St Paul's | St Michael's | St Anne's | Holy Trinity | Christ Church |
  St Joseph's | Our Lady's | St Thomas More | St Bede's | All Saints | St Augustine's | St Chad's | St Hilda's`)

export const denominations = list('Church of England | Catholic | C of E | Roman Catholic | Methodist')

export const schoolPhases = list(`Primary School | Infant School | Junior School | Academy | High School | Secondary School | Grammar School |
  Community Primary School | Primary Academy | School | Nursery School | Free School`)

export const partnershipWords = list(`Partnership | Teaching School Hub | Learning Trust | Schools Alliance | Education Partnership |
  Multi-Academy Trust | Teacher Training | Teaching Alliance | Education Trust | Learning Partnership`)

export type Town = { name: string; county: string | null; areas: readonly string[] }

/** Towns as "name; county; postcode areas" (London has no county and several areas). */
export const towns: readonly Town[] = list(`
  Leeds; West Yorkshire; LS | Bradford; West Yorkshire; BD | Sheffield; South Yorkshire; S | York; North Yorkshire; YO |
  Manchester; Greater Manchester; M | Bolton; Greater Manchester; BL | Liverpool; Merseyside; L | Preston; Lancashire; PR |
  Lancaster; Lancashire; LA | Carlisle; Cumbria; CA | Newcastle upon Tyne; Tyne and Wear; NE | Sunderland; Tyne and Wear; SR |
  Durham; County Durham; DH | Middlesbrough; North Yorkshire; TS | Hull; East Riding of Yorkshire; HU | Lincoln; Lincolnshire; LN |
  Nottingham; Nottinghamshire; NG | Derby; Derbyshire; DE | Leicester; Leicestershire; LE | Birmingham; West Midlands; B |
  Coventry; West Midlands; CV | Wolverhampton; West Midlands; WV | Stoke-on-Trent; Staffordshire; ST | Worcester; Worcestershire; WR |
  Hereford; Herefordshire; HR | Gloucester; Gloucestershire; GL | Oxford; Oxfordshire; OX | Reading; Berkshire; RG |
  Milton Keynes; Buckinghamshire; MK | Northampton; Northamptonshire; NN | Cambridge; Cambridgeshire; CB | Peterborough; Cambridgeshire; PE |
  Norwich; Norfolk; NR | Ipswich; Suffolk; IP | Colchester; Essex; CO | Chelmsford; Essex; CM | Luton; Bedfordshire; LU |
  St Albans; Hertfordshire; AL | London; ; E N SE SW W NW | Brighton; East Sussex; BN | Canterbury; Kent; CT | Maidstone; Kent; ME |
  Guildford; Surrey; GU | Southampton; Hampshire; SO | Portsmouth; Hampshire; PO | Bournemouth; Dorset; BH | Salisbury; Wiltshire; SP |
  Bristol; ; BS | Bath; Somerset; BA | Exeter; Devon; EX | Plymouth; Devon; PL | Truro; Cornwall; TR | Taunton; Somerset; TA |
  Chester; Cheshire; CH | Warrington; Cheshire; WA | Shrewsbury; Shropshire; SY`).map((entry) => {
  const [name = '', county = '', areas = ''] = entry.split(';').map((part) => part.trim())
  return { name, county: county || null, areas: areas.split(' ') }
})

export const streetNames = list(`Station | Church | Park | Victoria | Green | Manor | Mill | School | Queen's | King's | High | London |
  Chapel | Grove | Albert | Windsor | York | Cedar | Oak | Beech | Meadow | Orchard | Bridge | Castle | Market | Spring | Broad | New |
  West | North | Hollybush | Chestnut`)

export const streetKinds = list('Road | Street | Lane | Avenue | Close | Way | Drive | Crescent | Gardens | Terrace | Place')

export const buildings = list(`Harbour Building | The Innovation Centre | Education House | Suite 4, Enterprise House | Brook Campus |
  Unit 12, Riverside Business Park | Minerva House | The Old School House | Second Floor, Castle Chambers | Faculty of Education |
  Main Reception | Teaching and Learning Centre`)

export const localities = list('Headingley | Northgate | Southville | Oldfield | Eastbrook | Westwood | Fairview | Newtown')

export const firstNames = list(`Olivia | Amelia | Isla | Ava | Grace | Sophie | Emily | Hannah | Fatima | Aisha | Zara | Chloe | Sarah |
  Rachel | Helen | Joanne | Oliver | George | Harry | Jack | Noah | Muhammad | Arjun | Daniel | James | David | Michael | Paul | Mark |
  Richard | Ian | Gareth | Siobhan | Niamh | Kwame | Chidi`)

export const lastNames = list(`Smith | Jones | Taylor | Brown | Williams | Wilson | Johnson | Davies | Patel | Robinson | Wright |
  Thompson | Evans | Walker | White | Roberts | Green | Hall | Wood | Jackson | Clarke | Hussain | Ahmed | Begum | Khan | Singh |
  Okafor | Mensah | O'Brien | Murphy | Kowalski | Nowak | Hughes | Edwards`)
