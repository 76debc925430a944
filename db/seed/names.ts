import type { ProviderType } from '../schema'
import type { SeededRandom } from './random'
import * as words from './words'

/** One of several ways of making a string, so only the chosen one draws random numbers. */
const oneOf = (random: SeededRandom, makers: readonly (() => string)[]) => random.pick(makers)()

/** A provider's operating name in the style its type uses on the real register. */
export function operatingName(random: SeededRandom, type: ProviderType): string {
  const place = () => random.pick(words.places)
  const region = () => random.pick(words.regions)
  switch (type) {
    case 'hei':
      return oneOf(random, [
        () => `University of ${place()}`,
        () => `${place()} University`,
        () => `${place()} ${random.pick(words.universityWords)} University`,
        () => `University of ${region()}`,
        () => `${place()} Institute of Education`,
        () => `${place()} College of Higher Education`,
      ])
    case 'scitt':
      return oneOf(random, [
        () => `${place()} SCITT`,
        () => `${region()} Teacher Training SCITT`,
        () => `${random.pick(words.saints)} Catholic SCITT`,
        () => `${place()} Primary SCITT`,
        () => `${place()} and ${place()} SCITT`,
        () => `${place()} Teaching Alliance SCITT`,
      ])
    case 'school':
      return oneOf(random, [
        () => `${random.pick(words.saints)} ${random.pick(words.denominations)} ${random.pick(words.schoolPhases)}`,
        () => `${place()} ${random.pick(words.schoolPhases)}`,
        () => `${random.pick(words.towns).name} ${random.pick(words.schoolPhases)}`,
      ])
    case 'other':
      return oneOf(random, [
        () => `Teach ${region()} Partnership`,
        () => `${region()} ${random.pick(words.partnershipWords)}`,
        () => `${place()} ${random.pick(words.partnershipWords)}`,
        () => `${place()} College`,
      ])
  }
}

/** The registered legal name behind an operating name. */
export function legalName(random: SeededRandom, type: ProviderType, name: string): string {
  const place = () => random.pick(words.places)
  switch (type) {
    case 'hei':
      return oneOf(random, [() => name, () => `The ${name}`, () => `${name} Higher Education Corporation`])
    case 'scitt':
      return oneOf(random, [
        () => `${place()} Multi Academy Trust`,
        () => `${place()} Teaching School Alliance Limited`,
        () => `The ${place()} Learning Partnership`,
      ])
    case 'school':
      return oneOf(random, [
        () => `${place()} Academy Trust`,
        () => `${random.pick(words.saints)} Catholic Academy Trust`,
        () => `${place()} Learning Trust`,
        () => name,
      ])
    case 'other':
      return oneOf(random, [() => `${name} Limited`, () => `${place()} Education Trust`, () => name])
  }
}

const domainSuffixes: Record<ProviderType, readonly string[]> = {
  hei: ['ac.uk'],
  scitt: ['org.uk', 'co.uk'],
  school: ['sch.uk', 'org.uk'],
  other: ['org.uk', 'co.uk', 'com'],
}

// Words left out of email domains, so "St Mary's Church of England Primary School" gets stmarys.sch.uk.
const genericWords = new Set(
  `of the and upon on c e church england catholic roman methodist university institute education higher school college primary
  infant junior secondary high community nursery free academy teacher training teaching`.split(/\s+/),
)

/** An email domain made from the first two distinctive words of the name, like `threerivers.org.uk`. */
export function emailDomain(random: SeededRandom, type: ProviderType, name: string): string {
  const distinctive = name
    .toLowerCase()
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !genericWords.has(word))
  return `${distinctive.slice(0, 2).join('') || 'provider'}.${random.pick(domainSuffixes[type])}`
}

// Postcode inward codes never use the letters C, I, K, M, O or V.
const inwardLetters = [...'ABDEFGHJLNPQRSTUWXYZ']

export type SeedAddress = {
  addressLine1: string
  addressLine2: string | null
  addressLine3: string | null
  townOrCity: string
  county: string | null
  postcode: string
}

/** A postal address in a real town, with a postcode in that town's postcode area. */
export function address(random: SeededRandom): SeedAddress {
  const town = random.pick(words.towns)
  const area = random.pick(town.areas)
  const district = random.int(1, area.length === 1 ? 30 : 20)
  const inward = `${random.int(1, 9)}${random.pick(inwardLetters)}${random.pick(inwardLetters)}`
  return {
    addressLine1: `${random.int(1, 240)} ${random.pick(words.streetNames)} ${random.pick(words.streetKinds)}`,
    addressLine2: random.chance(0.4) ? random.pick(words.buildings) : null,
    addressLine3: random.chance(0.1) ? random.pick(words.localities) : null,
    townOrCity: town.name,
    county: random.chance(0.85) ? town.county : null,
    postcode: `${area}${district} ${inward}`,
  }
}

export type SeedContact = { firstName: string; lastName: string; email: string; telephoneNumber: string | null }

const digits = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('')

/** A person at the provider; the email is made unique within the provider as the register requires. */
export function contact(random: SeededRandom, domain: string, takenEmails: Set<string>): SeedContact {
  const firstName = random.pick(words.firstNames)
  const lastName = random.pick(words.lastNames)
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '')
  let email = `${local}@${domain}`
  for (let suffix = 2; takenEmails.has(email); suffix += 1) email = `${local}${suffix}@${domain}`
  takenEmails.add(email)
  const telephoneNumber = random.chance(0.1)
    ? null
    : random.pick([
        `01${digits(random, 3)} ${digits(random, 6)}`,
        `020 ${digits(random, 4)} ${digits(random, 4)}`,
        `07${digits(random, 3)} ${digits(random, 6)}`,
      ])
  return { firstName, lastName, email, telephoneNumber }
}
